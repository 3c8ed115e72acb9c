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
/// valid while now &lt;= exp). A token without <c>exp</c> lives until evicted. The cache is bounded by count and by
/// estimated bytes (<see cref="EstimateBytes"/>): when an insert would pass either bound, it first drops expired
/// entries, then the least recently used ones down to 90% of both bounds, so the sweep cost is spread over many
/// inserts. A token whose estimate exceeds the whole byte bound is not cached. Thread-safe.</para>
/// </remarks>
internal sealed class ValidatedTokenCache
{
    private readonly ConcurrentDictionary<TokenDigest, Entry> _entries = new();
    private readonly Lock _sweep = new();
    private readonly TimeProvider _time;
    private readonly byte[] _masterKeyId;
    private long _bytes;

    public ValidatedTokenCache(IOptions<ValidatedTokenCacheOptions> options, ApiKeySecrets secrets, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentNullException.ThrowIfNull(time);
        Capacity = options.Value.ValidatedCacheSize;
        MaxBytes = options.Value.ValidatedCacheBytes;
        _time = time;
        _masterKeyId = Encoding.ASCII.GetBytes(secrets.MasterKeyId + ".");
    }

    /// <summary>The most entries kept; 0 means nothing is cached.</summary>
    public int Capacity { get; }

    /// <summary>The most estimated bytes kept.</summary>
    public long MaxBytes { get; }

    /// <summary>Entries held now (expired ones included until they are looked up or swept).</summary>
    public int Count => _entries.Count;

    /// <summary>Estimated bytes held now.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>
    /// What remembering a token costs, about: the claims are parsed from the token's payload (three quarters of its
    /// text), and their object graph (rules, filters) takes several times the JSON, so eight bytes a character of the
    /// token, plus the fixed part of an entry.
    /// </summary>
    public static long EstimateBytes(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return 256 + (8L * token.Length);
    }

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
            Remove(digest, entry);
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

        var size = EstimateBytes(token);
        if (size > MaxBytes) return;

        var now = _time.GetUtcNow();
        if (_entries.Count >= Capacity || Bytes + size > MaxBytes) Sweep(now, size);
        var entry = new Entry(verified, now.UtcTicks, size);
        if (_entries.TryAdd(Digest(token), entry)) Interlocked.Add(ref _bytes, size);
    }

    /// <summary>Forgets every entry.</summary>
    public void Clear()
    {
        foreach (var (digest, entry) in _entries) Remove(digest, entry);
    }

    private void Sweep(DateTimeOffset now, long incoming)
    {
        lock (_sweep)
        {
            if (_entries.Count < Capacity && Bytes + incoming <= MaxBytes) return;

            var seconds = now.ToUnixTimeSeconds();
            foreach (var (digest, entry) in _entries)
            {
                if (entry.Claims.Exp is { } exp && seconds > exp) Remove(digest, entry);
            }

            var countTarget = Capacity - Math.Max(1, Capacity / 10);
            var bytesTarget = MaxBytes - Math.Max(incoming, MaxBytes / 10);
            if (_entries.Count <= countTarget && Bytes <= bytesTarget) return;

            foreach (var (digest, entry) in _entries.OrderBy(e => e.Value.LastUsedTicks).ToList())
            {
                if (_entries.Count <= countTarget && Bytes <= bytesTarget) break;
                Remove(digest, entry);
            }
        }
    }

    private void Remove(TokenDigest digest, Entry entry)
    {
        if (_entries.TryRemove(new KeyValuePair<TokenDigest, Entry>(digest, entry))) Interlocked.Add(ref _bytes, -entry.Size);
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

    private sealed class Entry(TenantTokenClaims claims, long lastUsedTicks, long size)
    {
        private long _lastUsedTicks = lastUsedTicks;

        public TenantTokenClaims Claims { get; } = claims;

        public long Size { get; } = size;

        public long LastUsedTicks => Volatile.Read(ref _lastUsedTicks);

        public void Touch(long ticks) => Volatile.Write(ref _lastUsedTicks, ticks);
    }
}
