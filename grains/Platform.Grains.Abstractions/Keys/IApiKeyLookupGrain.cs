namespace Platform.Grains.Keys;

/// <summary>
/// Resolves a presented key secret to its key without scanning: keyed by the secret's SHA-256 fingerprint
/// (never by the secret itself, so neither storage nor dashboards hold a usable key). Written only by
/// <see cref="IApiKeyGrain"/>.
/// </summary>
[Alias("platform.key-lookup.v1")]
public interface IApiKeyLookupGrain : IGrainWithStringKey
{
    /// <summary>The key this fingerprint belongs to, or null. Read-only.</summary>
    [ReadOnly, Alias("resolve")]
    Task<ApiKeySnapshot?> Resolve();

    /// <summary>Stores the current snapshot. Idempotent.</summary>
    [Alias("set")]
    Task Set(ApiKeySnapshot snapshot);

    /// <summary>Forgets the key. Idempotent.</summary>
    [Alias("clear")]
    Task Clear();
}
