using System.Text.Json.Nodes;

namespace Platform.Search.Engine;

/// <summary>Minimum and maximum of a numeric facet.</summary>
public sealed record FacetStats(double Min, double Max);

/// <summary>
/// A search result (docs/api-reference.md#search-with-post). Offset-mode fields (<see cref="Limit"/>, <see cref="Offset"/>,
/// <see cref="EstimatedTotalHits"/>) and page-mode fields (<see cref="HitsPerPage"/>, <see cref="Page"/>,
/// <see cref="TotalPages"/>, <see cref="TotalHits"/>) are mutually exclusive; the absent ones are null.
/// Hits are documents plus, when requested, <c>_formatted</c>, <c>_matchesPosition</c> and <c>_rankingScore</c>.
/// </summary>
public sealed record SearchResponse
{
    public required IReadOnlyList<JsonObject> Hits { get; init; }

    public required string Query { get; init; }

    public long ProcessingTimeMs { get; init; }

    public int? Limit { get; init; }

    public int? Offset { get; init; }

    public int? EstimatedTotalHits { get; init; }

    public int? HitsPerPage { get; init; }

    public int? Page { get; init; }

    public int? TotalPages { get; init; }

    public int? TotalHits { get; init; }

    /// <summary>Per facet attribute, value to document count; null unless facets were requested.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>>? FacetDistribution { get; init; }

    /// <summary>Per facet attribute with numeric values, its min and max; null unless facets were requested.</summary>
    public IReadOnlyDictionary<string, FacetStats>? FacetStats { get; init; }
}
