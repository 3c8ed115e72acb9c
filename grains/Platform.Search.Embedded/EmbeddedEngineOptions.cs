namespace Platform.Search.Embedded;

/// <summary>
/// Options of the embedded Lucene engine, bound from <see cref="SectionName"/> and validated by
/// <see cref="EmbeddedEngineOptionsValidator"/> (at start-up, and by the engine itself when built directly).
/// </summary>
public sealed class EmbeddedEngineOptions
{
    public const string SectionName = "Platform:Search:Embedded";

    /// <summary>
    /// Folder the engine keeps its data under: one sub-folder per index in <c>{DataRoot}/indexes/</c>. Required; the
    /// host defaults it to <c>Platform:DataPath</c>.
    /// </summary>
    public string DataRoot { get; set; } = "";

    /// <summary>Meilisearch's <c>pagination.maxTotalHits</c>: hits beyond this rank are unreachable and counts are capped. Default 1000.</summary>
    public int MaxTotalHits { get; set; } = 1000;

    /// <summary>Meilisearch's <c>faceting.maxValuesPerFacet</c>. Default 100.</summary>
    public int MaxValuesPerFacet { get; set; } = 100;

    /// <summary>
    /// Longest time one search, multi-search query or facet search may run before it stops with
    /// <c>search_budget_exceeded</c>. Default 5 s, under the grain call timeout, so the work ends before the caller
    /// gives up.
    /// </summary>
    public TimeSpan SearchTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Most work units one search may spend (one per candidate document and stored leaf read, one per character and
    /// token analysed while formatting) before it stops with <c>search_budget_exceeded</c>. Default 200,000,000.
    /// </summary>
    public long SearchWorkBudget { get; set; } = 200_000_000;

    /// <summary>
    /// Most bytes of formatted text (<c>_formatted</c> strings, <c>_matchesPosition</c> entries) one search response
    /// may carry before it fails with <c>search_response_too_large</c>. Default 64 MiB.
    /// </summary>
    public long MaxResponseBytes { get; set; } = 64L * 1024 * 1024;
}
