namespace Platform.Grains.Tenants;

/// <summary>Server-side minting of tenant tokens (docs/api-reference.md#mint-a-tenant-token), by the tenant's grain.</summary>
[Alias("platform.tenant.tokens.v1")]
public interface ITenantTokens : IGrainWithStringKey
{
    /// <summary>
    /// Mints a tenant token in Meilisearch's format, signed with the requested key or the tenant's newest unexpired
    /// key that holds <c>search</c>, with <c>iat</c> and, if given, <c>sub</c>. An equal request (rules, subject, key,
    /// requested lifetime) while the previous token has more than the configured share of its life left returns that
    /// same token; the cache is in memory only. Throws <c>tenant_not_found</c>, <c>tenant_suspended</c>,
    /// <c>invalid_search_rules</c>, <c>reserved_attribute</c>, <c>api_key_not_found</c>,
    /// <c>invalid_token_api_key_uid</c>, <c>invalid_token_expires_at</c>. Not read-only (it fills the cache).
    /// </summary>
    [Alias("mint-token")]
    Task<MintedToken> MintToken(TokenRequest request);
}
