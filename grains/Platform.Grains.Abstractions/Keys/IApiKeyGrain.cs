namespace Platform.Grains.Keys;

/// <summary>
/// One grain per API key, keyed by the key uid: the source of truth for the key. It keeps the
/// <see cref="IApiKeyLookupGrain"/> entry for its secret in step, so a presented secret resolves in one call.
/// </summary>
[Alias("platform.key.v1")]
public interface IApiKeyGrain : IGrainWithGuidKey
{
    /// <summary>The key, or null. Read-only.</summary>
    [ReadOnly, Alias("get")]
    Task<ApiKeySnapshot?> Get();

    /// <summary>Creates the key for <paramref name="tenant"/>. Throws <c>api_key_already_exists</c>. Called by the tenant grain only.</summary>
    [Alias("create")]
    Task<ApiKeySnapshot> Create(string tenant, ApiKeyDefinition definition);

    /// <summary>Changes name and/or description. Throws <c>api_key_not_found</c>. Idempotent.</summary>
    [Alias("update")]
    Task<ApiKeySnapshot> Update(ApiKeyUpdate update);

    /// <summary>Deletes the key and its lookup entry. Idempotent. Called by the tenant grain only.</summary>
    [Alias("delete")]
    Task Delete();
}
