namespace Platform.Grains.Tenants;

/// <summary>
/// The tenant grain's minted tokens, in memory only (never in persisted state: they are bearer secrets), so that an
/// equal mint request gets the same token back while that token has more than <c>reuseShare</c> of its life left.
/// Bounded: when full, tokens past their reuse point go first, then the oldest issued. Not thread-safe: the grain's
/// turn-based scheduling serializes its use.
/// </summary>
internal sealed class TenantTokenCache(int capacity, double reuseShare)
{
    private readonly Dictionary<Key, MintedToken> _tokens = [];

    /// <summary>What makes two mint requests equal: canonical rules, subject, signing key, requested lifetime.</summary>
    internal readonly record struct Key(string RulesJson, string? Subject, Guid ApiKeyUid, string Lifetime);

    public int Count => _tokens.Count;

    /// <summary>The cached token for <paramref name="key"/> while it is still before its reuse point; otherwise null.</summary>
    public MintedToken? Find(Key key, DateTimeOffset now)
    {
        if (!_tokens.TryGetValue(key, out var token)) return null;
        if (IsReusable(token, now)) return token;
        _tokens.Remove(key);
        return null;
    }

    public void Add(Key key, MintedToken token, DateTimeOffset now)
    {
        if (capacity <= 0) return;
        if (!_tokens.ContainsKey(key) && _tokens.Count >= capacity)
        {
            foreach (var (stale, _) in _tokens.Where(t => !IsReusable(t.Value, now)).ToList()) _tokens.Remove(stale);
            if (_tokens.Count >= capacity)
            {
                var excess = _tokens.Count - capacity + 1;
                foreach (var (old, _) in _tokens.OrderBy(t => t.Value.IssuedAt).Take(excess).ToList()) _tokens.Remove(old);
            }
        }

        _tokens[key] = token;
    }

    /// <summary>Forgets every token signed by <paramref name="apiKeyUid"/> (the key was deleted).</summary>
    public void DropKey(Guid apiKeyUid)
    {
        foreach (var (key, _) in _tokens.Where(t => t.Key.ApiKeyUid == apiKeyUid).ToList()) _tokens.Remove(key);
    }

    public void Clear() => _tokens.Clear();

    /// <summary>More than <c>reuseShare</c> of the token's life (iat → exp) is still ahead.</summary>
    private bool IsReusable(MintedToken token, DateTimeOffset now)
    {
        var life = (token.ExpiresAt - token.IssuedAt).TotalSeconds;
        var left = (token.ExpiresAt - now).TotalSeconds;
        return life > 0 && left > reuseShare * life;
    }
}
