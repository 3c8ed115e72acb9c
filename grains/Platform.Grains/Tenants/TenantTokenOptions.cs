namespace Platform.Grains.Tenants;

/// <summary>
/// The tenant grain's token settings (minting and backend credentials), bound from <c>Platform:Tokens</c> and
/// validated at start-up by <see cref="TenantTokenOptionsValidator"/> (docs/tenant-tokens.md). The API's cache of
/// verified tokens reads its own key of the same section.
/// </summary>
public sealed class TenantTokenOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Platform:Tokens";

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
    /// Estimated bytes of minted tokens (with their rules) each tenant grain keeps; an entry larger than this is not
    /// kept. At least 1. Default 1 MiB.
    /// </summary>
    public long MintCacheBytesPerTenant { get; set; } = TenantTokenCache.DefaultMaxBytes;

    /// <summary>
    /// Backend credentials (the Meilisearch engine's backend tenant tokens) each tenant grain keeps, one per distinct
    /// tenant rule in use, in memory only. At least 1. Default 64.
    /// </summary>
    public int BackendCacheSizePerTenant { get; set; } = 64;
}
