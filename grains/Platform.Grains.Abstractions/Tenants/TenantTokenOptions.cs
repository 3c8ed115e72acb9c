namespace Platform.Grains.Tenants;

/// <summary>
/// Tenant-token settings, bound from <c>Platform:Tokens</c> and validated at start-up: the API's cache of verified
/// tokens and the tenant grain's minting (api.md §7, docs/tenant-tokens.md).
/// </summary>
public sealed class TenantTokenOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Platform:Tokens";

    /// <summary>
    /// How many verified tokens each API process remembers, so a token seen before is not decoded and HMAC-checked
    /// again. 0 turns the cache off. Default 10,000.
    /// </summary>
    public int ValidatedCacheSize { get; set; } = 10_000;

    /// <summary>Life of a minted token when the request gives neither <c>expiresAt</c> nor <c>ttlSeconds</c>. Default 1 hour.</summary>
    public TimeSpan DefaultLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Longest life a mint request may ask for (by <c>expiresAt</c> or <c>ttlSeconds</c>). Default 30 days.</summary>
    public TimeSpan MaxLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// A cached minted token is handed out again while more than this share of its life is left (0 &lt; share &lt; 1;
    /// default 0.5, so a token is reused during the first half of its life).
    /// </summary>
    public double ReuseShare { get; set; } = 0.5;

    /// <summary>Minted tokens each tenant grain keeps for reuse, in memory only. 0 turns reuse off. Default 256.</summary>
    public int MintCacheSizePerTenant { get; set; } = 256;

    /// <summary>
    /// Backend credentials (the Meilisearch engine's backend tenant tokens) each tenant grain keeps, one per distinct
    /// tenant rule in use, in memory only. At least 1. Default 64.
    /// </summary>
    public int BackendCacheSizePerTenant { get; set; } = 64;
}
