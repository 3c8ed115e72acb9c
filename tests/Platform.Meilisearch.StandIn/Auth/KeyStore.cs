using Platform.Search.Keys;

namespace Platform.Meilisearch.StandIn.Auth;

/// <summary>
/// The API keys, in memory. A key's value is Meilisearch's derivation (HMAC-SHA256 of the uid with the master key,
/// hex), so a key re-created with the same uid has the same value. Starts with Meilisearch's two default keys.
/// </summary>
internal sealed class KeyStore
{
    private readonly Dictionary<Guid, StandInKey> _keys = [];
    private readonly Lock _lock = new();
    private readonly string _masterKey;
    private readonly TimeProvider _time;

    public KeyStore(string masterKey, TimeProvider time)
    {
        _masterKey = masterKey;
        _time = time;
        Add(Guid.NewGuid(), "Default Search API Key", "Use it to search from the frontend", ["search"], ["*"], null);
        Add(Guid.NewGuid(), "Default Admin API Key", "Use it for anything that is not a search operation. Caution! Do not expose it on a public frontend", ["*"], ["*"], null);
    }

    /// <summary>Creates a key; null when the uid is taken.</summary>
    public StandInKey? Add(Guid uid, string? name, string? description, IReadOnlyList<string> actions, IReadOnlyList<string> indexes, DateTimeOffset? expiresAt)
    {
        lock (_lock)
        {
            if (_keys.ContainsKey(uid)) return null;
            var now = _time.GetUtcNow();
            var key = new StandInKey(uid, ApiKeyDerivation.DeriveKey(_masterKey, uid), name, description, actions, indexes, expiresAt, now, now);
            _keys[uid] = key;
            return key;
        }
    }

    /// <summary>A key by uid or by value, as <c>/keys/{uidOrKey}</c> takes it.</summary>
    public StandInKey? Find(string uidOrKey)
    {
        lock (_lock)
        {
            return Guid.TryParse(uidOrKey, out var uid)
                ? _keys.GetValueOrDefault(uid)
                : _keys.Values.FirstOrDefault(k => ApiKeyDerivation.Matches(uidOrKey, k.Key));
        }
    }

    public StandInKey? Find(Guid uid)
    {
        lock (_lock) return _keys.GetValueOrDefault(uid);
    }

    /// <summary>The key whose value is <paramref name="bearer"/>, compared in constant time.</summary>
    public StandInKey? FindByValue(string bearer)
    {
        lock (_lock) return _keys.Values.FirstOrDefault(k => ApiKeyDerivation.Matches(bearer, k.Key));
    }

    public StandInKey? Update(Guid uid, Func<StandInKey, StandInKey> change)
    {
        lock (_lock)
        {
            if (!_keys.TryGetValue(uid, out var key)) return null;
            key = change(key) with { UpdatedAt = _time.GetUtcNow() };
            _keys[uid] = key;
            return key;
        }
    }

    public bool Delete(Guid uid)
    {
        lock (_lock) return _keys.Remove(uid);
    }

    /// <summary>Every key, newest first, as <c>GET /keys</c> lists them.</summary>
    public IReadOnlyList<StandInKey> NewestFirst()
    {
        lock (_lock) return [.. _keys.Values.OrderByDescending(k => k.CreatedAt).ThenBy(k => k.Uid)];
    }
}
