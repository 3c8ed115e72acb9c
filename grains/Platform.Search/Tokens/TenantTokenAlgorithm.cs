namespace Platform.Search.Tokens;

/// <summary>The signing algorithms Meilisearch accepts for tenant tokens (docs/tenant-tokens.md#what-is-checked-in-order-first-failure-wins).</summary>
public enum TenantTokenAlgorithm
{
    /// <summary>HMAC-SHA256, the SDKs' default.</summary>
    HS256,

    /// <summary>HMAC-SHA384.</summary>
    HS384,

    /// <summary>HMAC-SHA512.</summary>
    HS512,
}
