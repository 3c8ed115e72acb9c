namespace Platform.Search.Embedded;

/// <summary>Options of the embedded Lucene engine.</summary>
public sealed class EmbeddedEngineOptions
{
    public const string SectionName = "Platform:Search:Embedded";

    /// <summary>Folder holding one sub-folder per index. Required.</summary>
    public string DataRoot { get; set; } = "";

    /// <summary>Meilisearch's <c>pagination.maxTotalHits</c>: hits beyond this rank are unreachable and counts are capped. Default 1000.</summary>
    public int MaxTotalHits { get; set; } = 1000;

    /// <summary>Meilisearch's <c>faceting.maxValuesPerFacet</c>. Default 100.</summary>
    public int MaxValuesPerFacet { get; set; } = 100;
}
