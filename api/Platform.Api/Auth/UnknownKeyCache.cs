using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Platform.Api.Auth;

/// <summary>
/// A negative cache in front of the key lookup grain: fingerprints of presented key values that resolved to no key,
/// remembered for <see cref="AuthOptions.UnknownKeyCacheDuration"/> (by the injected <see cref="TimeProvider"/>), so
/// the same guess repeated costs no grain activation. Bounded by <see cref="AuthOptions.UnknownKeyCacheSize"/>
/// entries of fixed size (a 64-character fingerprint and an expiry): when full, expired entries go first, and if none
/// has expired the new one is not remembered (the failed-authentication limiter bounds a flood of distinct guesses).
/// A key created in this process is forgotten here at once (<see cref="Forget"/>); on other silos it may be refused
/// until its entry expires. Thread-safe.
/// </summary>
internal sealed class UnknownKeyCache(IOptions<AuthOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, long> _expiries = new(StringComparer.Ordinal);
    private readonly Lock _sweep = new();

    public int Capacity { get; } = options.Value.UnknownKeyCacheSize;

    public TimeSpan Duration { get; } = options.Value.UnknownKeyCacheDuration;

    /// <summary>Entries held now (expired ones included until swept or looked up).</summary>
    public int Count => _expiries.Count;

    public bool Contains(string fingerprint)
    {
        if (!_expiries.TryGetValue(fingerprint, out var expiry)) return false;
        if (time.GetUtcNow().UtcTicks < expiry) return true;
        _expiries.TryRemove(new KeyValuePair<string, long>(fingerprint, expiry));
        return false;
    }

    public void Add(string fingerprint)
    {
        if (Capacity == 0) return;
        var now = time.GetUtcNow().UtcTicks;
        if (_expiries.Count >= Capacity) Sweep(now);
        if (_expiries.Count < Capacity) _expiries[fingerprint] = now + Duration.Ticks;
    }

    public void Forget(string fingerprint) => _expiries.TryRemove(fingerprint, out _);

    private void Sweep(long now)
    {
        lock (_sweep)
        {
            foreach (var (fingerprint, expiry) in _expiries)
            {
                if (expiry <= now) _expiries.TryRemove(new KeyValuePair<string, long>(fingerprint, expiry));
            }
        }
    }
}
