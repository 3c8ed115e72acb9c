using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Platform.Search.Keys;
using Platform.Search.Tokens;

namespace Platform.Api.Auth;

/// <summary>
/// Remembers tenant tokens that passed decoding, the signature check and the expiry check (docs/tenant-tokens.md#the-decision-order),
/// so a token seen again is not parsed and HMAC-checked again while it is valid. Only the outcome of those steps is
/// cached: the parent key, its indexes, actions and expiry, the tenant's status and rules (steps 8–11 and on) are
/// checked on every call by <see cref="SearchAuthenticator"/>, so a cached token never has more access than a fresh
/// one. Refusals are never cached.
/// </summary>
/// <remarks>
/// <para>Entries are keyed by SHA-256 of the master key's id and the token text, so the token itself is not held,
/// and a token verified under one master key is never found under another (a rotation, which today needs a restart
/// and so starts with an empty cache anyway).</para>
/// <para>An entry lives until the token's <c>exp</c> (by the injected <see cref="TimeProvider"/>; Meilisearch's rule:
/// valid while now &lt;= exp). A token without <c>exp</c> lives until evicted. When the cache is full, an insert
/// first drops expired entries, then the least recently used ones down to 90% of the bound, so the sweep cost is
/// spread over many inserts. Thread-safe.</para>
/// </remarks>
internal sealed class ValidatedTokenCache
{
    private readonly ConcurrentDictionary<TokenDigest, Entry> _entries = new();
    private readonly Lock _sweep = new();
    private readonly TimeProvider _time;
    private readonly byte[] _masterKeyId;

    public ValidatedTokenCache(IOptions<ValidatedTokenCacheOptions> options, ApiKeySecrets secrets, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentNullException.ThrowIfNull(time);
        Capacity = options.Value.ValidatedCacheSize;
        _time = time;
        _masterKeyId = Encoding.ASCII.GetBytes(secrets.MasterKeyId + ".");
    }

    /// <summary>The most entries kept; 0 means nothing is cached.</summary>
    public int Capacity { get; }

    /// <summary>Entries held now (expired ones included until they are looked up or swept).</summary>
    public int Count => _entries.Count;

    /// <summary>The verified claims of <paramref name="token"/>, when it was verified before and has not expired since.</summary>
    public bool TryGet(string token, out TenantTokenClaims claims)
    {
        claims = null!;
        if (Capacity == 0) return false;

        var digest = Digest(token);
        if (!_entries.TryGetValue(digest, out var entry)) return false;

        var now = _time.GetUtcNow();
        if (entry.Claims.Exp is { } exp && now.ToUnixTimeSeconds() > exp)
        {
            // Expired since it was cached: the verifier must answer, with the expiry message and today's time.
            _entries.TryRemove(new KeyValuePair<TokenDigest, Entry>(digest, entry));
            return false;
        }

        entry.Touch(now.UtcTicks);
        claims = entry.Claims;
        return true;
    }

    /// <summary>Remembers a token that the verifier has just accepted. Never call it with a refused token.</summary>
    public void Add(string token, TenantTokenClaims verified)
    {
        ArgumentNullException.ThrowIfNull(verified);
        if (Capacity == 0) return;

        var now = _time.GetUtcNow();
        if (_entries.Count >= Capacity) Sweep(now);
        _entries[Digest(token)] = new Entry(verified, now.UtcTicks);
    }

    /// <summary>Forgets every entry.</summary>
    public void Clear() => _entries.Clear();

    private void Sweep(DateTimeOffset now)
    {
        lock (_sweep)
        {
            if (_entries.Count < Capacity) return;

            var seconds = now.ToUnixTimeSeconds();
            foreach (var (digest, entry) in _entries)
            {
                if (entry.Claims.Exp is { } exp && seconds > exp) _entries.TryRemove(digest, out _);
            }

            var target = Capacity - Math.Max(1, Capacity / 10);
            var excess = _entries.Count - target;
            if (excess <= 0) return;

            var oldest = _entries.Select(e => (e.Key, e.Value.LastUsedTicks)).OrderBy(e => e.LastUsedTicks).Take(excess).ToList();
            foreach (var (digest, _) in oldest) _entries.TryRemove(digest, out _);
        }
    }

    private TokenDigest Digest(string token)
    {
        var length = _masterKeyId.Length + Encoding.UTF8.GetByteCount(token);
        Span<byte> buffer = length <= 4096 ? stackalloc byte[length] : new byte[length];
        _masterKeyId.CopyTo(buffer);
        Encoding.UTF8.GetBytes(token, buffer[_masterKeyId.Length..]);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer, hash);
        return MemoryMarshal.Read<TokenDigest>(hash);
    }

    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct TokenDigest(ulong A, ulong B, ulong C, ulong D);

    private sealed class Entry(TenantTokenClaims claims, long lastUsedTicks)
    {
        private long _lastUsedTicks = lastUsedTicks;

        public TenantTokenClaims Claims { get; } = claims;

        public long LastUsedTicks => Volatile.Read(ref _lastUsedTicks);

        public void Touch(long ticks) => Volatile.Write(ref _lastUsedTicks, ticks);
    }
}
