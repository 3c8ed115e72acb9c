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
}
