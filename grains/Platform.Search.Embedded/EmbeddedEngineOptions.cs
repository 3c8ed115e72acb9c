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

    /// <summary>Every problem with these options, each naming its key; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(DataRoot))
        {
            errors.Add($"{SectionName}:{nameof(DataRoot)} is required.");
        }

        if (MaxTotalHits < 1)
        {
            errors.Add($"{SectionName}:{nameof(MaxTotalHits)} must be at least 1.");
        }

        if (MaxValuesPerFacet < 0)
        {
            errors.Add($"{SectionName}:{nameof(MaxValuesPerFacet)} must not be negative.");
        }

        return errors;
    }
}
