namespace Platform.Search.Meilisearch;

/// <summary>
/// Where the platform's Meilisearch lives and how long calls to it may take.
/// Bound from <see cref="SectionName"/>; validated at start-up by <see cref="MeilisearchOptionsValidator"/>.
/// </summary>
public sealed class MeilisearchOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Platform:Search:Meilisearch";

    /// <summary>Absolute http(s) URL of the Meilisearch server, e.g. <c>http://meilisearch:7700</c>. Required.</summary>
    public string? Url { get; set; }

    /// <summary>
    /// The admin API key (or master key) the platform uses for administrative calls. Required. A secret: set it from
    /// the environment (<c>Platform__Search__Meilisearch__ApiKey</c>), never in a settings file.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>Per-attempt timeout of administrative and document calls. Default 30 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Per-attempt timeout of search, multi-search and facet-search calls. Default 5 seconds: a user waits on these,
    /// so a slow attempt is better retried (or failed) early.
    /// </summary>
    public TimeSpan SearchTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Retry and circuit-breaker settings.</summary>
    public MeilisearchResilienceOptions Resilience { get; set; } = new();

    /// <summary>
    /// Prefix of every physical index the search engine creates (<c>products</c> is stored in <c>platform-products</c>).
    /// Letters, digits, <c>-</c> and <c>_</c>, 1–64 characters. Default <c>platform-</c>. The backend search key is
    /// limited to <c>{IndexPrefix}*</c>.
    /// </summary>
    public string IndexPrefix { get; set; } = "platform-";

    /// <summary>
    /// The index recording each logical index's primary key (the physical one is always <c>_pid</c>). Must not start
    /// with <see cref="IndexPrefix"/>, so the backend search key and tokens never cover it. Default <c>platform_catalog</c>.
    /// </summary>
    public string CatalogIndex { get; set; } = "platform_catalog";

    /// <summary>Logical indexes stored with one physical index per tenant instead of one shared index. Default none.</summary>
    public IList<string> DedicatedIndexes { get; set; } = [];

    /// <summary>Life of a backend tenant token (its <c>exp</c>). Between 1 minute and 1 day. Default 10 minutes.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Share of <see cref="TokenLifetime"/> left at which the tenant grain replaces a cached backend token with a new
    /// one. Greater than 0 and less than 1. Default 0.2 (a 10-minute token is reused for 8 minutes).
    /// </summary>
    public double TokenRefreshRatio { get; set; } = 0.2;

    /// <summary>
    /// Uid of the search-only Meilisearch key the engine signs backend tokens with. Null (the default) derives a fixed
    /// uid from <see cref="IndexPrefix"/>, so every silo finds the same key and start-up creates it only once.
    /// </summary>
    public Guid? SearchKeyUid { get; set; }
}
