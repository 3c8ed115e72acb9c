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
}
