namespace Platform.Grains.Tenants;

/// <summary>
/// The tenant grain's minted tokens, in memory only (never in persisted state: they are bearer secrets), so that an
/// equal mint request gets the same token back while that token has more than <c>reuseShare</c> of its life left.
/// Bounded by count and by bytes (each entry's rules, subject and token are estimated at two bytes a character plus
/// a fixed overhead): when either bound would be passed, tokens past their reuse point go first, then the oldest
/// issued. An entry larger than the whole byte bound is not kept. Not thread-safe: the grain's turn-based scheduling
/// serializes its use.
/// </summary>
internal sealed class TenantTokenCache(int capacity, double reuseShare, long maxBytes = TenantTokenCache.DefaultMaxBytes)
{
    /// <summary>Default byte bound of one tenant's cache: 1 MiB.</summary>
    public const long DefaultMaxBytes = 1024 * 1024;

    /// <summary>What an entry costs besides its strings: dictionary slot, key and token objects, dates, uid.</summary>
    private const int EntryOverheadBytes = 192;

    private readonly Dictionary<Key, MintedToken> _tokens = [];

    /// <summary>What makes two mint requests equal: canonical rules, subject, signing key, requested lifetime.</summary>
    internal readonly record struct Key(string RulesJson, string? Subject, Guid ApiKeyUid, string Lifetime);

    public int Count => _tokens.Count;

    /// <summary>Estimated bytes held now.</summary>
    public long Bytes { get; private set; }

    /// <summary>The cached token for <paramref name="key"/> while it is still before its reuse point; otherwise null.</summary>
    public MintedToken? Find(Key key, DateTimeOffset now)
    {
        if (!_tokens.TryGetValue(key, out var token)) return null;
        if (IsReusable(token, now)) return token;
        Remove(key);
        return null;
    }

    public void Add(Key key, MintedToken token, DateTimeOffset now)
    {
        var size = SizeOf(key, token);
        if (capacity <= 0 || size > maxBytes) return;
        Remove(key);
        if (_tokens.Count >= capacity || Bytes + size > maxBytes)
        {
            foreach (var (stale, _) in _tokens.Where(t => !IsReusable(t.Value, now)).ToList()) Remove(stale);
            foreach (var (old, _) in _tokens.OrderBy(t => t.Value.IssuedAt).ToList())
            {
                if (_tokens.Count < capacity && Bytes + size <= maxBytes) break;
                Remove(old);
            }
        }

        _tokens[key] = token;
        Bytes += size;
    }

    /// <summary>Forgets every token signed by <paramref name="apiKeyUid"/> (the key was deleted).</summary>
    public void DropKey(Guid apiKeyUid)
    {
        foreach (var (key, _) in _tokens.Where(t => t.Key.ApiKeyUid == apiKeyUid).ToList()) Remove(key);
    }

    public void Clear()
    {
        _tokens.Clear();
        Bytes = 0;
    }

    /// <summary>The estimated size of an entry: UTF-16 strings at two bytes a character, plus the fixed part.</summary>
    internal static long SizeOf(Key key, MintedToken token) =>
        EntryOverheadBytes + (2L * (key.RulesJson.Length + (key.Subject?.Length ?? 0) + key.Lifetime.Length + token.Token.Length));

    private void Remove(Key key)
    {
        if (_tokens.Remove(key, out var token)) Bytes -= SizeOf(key, token);
    }

    /// <summary>More than <c>reuseShare</c> of the token's life (iat → exp) is still ahead.</summary>
    private bool IsReusable(MintedToken token, DateTimeOffset now)
    {
        var life = (token.ExpiresAt - token.IssuedAt).TotalSeconds;
        var left = (token.ExpiresAt - now).TotalSeconds;
        return life > 0 && left > reuseShare * life;
    }
}
