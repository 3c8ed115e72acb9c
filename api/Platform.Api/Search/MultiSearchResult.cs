using System.Text.Json.Nodes;
using Platform.Search.Engine;

namespace Platform.Api.Search;

/// <summary>The outcome of a multi-search: <see cref="PlainMultiSearchResult"/> or <see cref="FederatedSearchResult"/>.</summary>
internal abstract record MultiSearchResult;

/// <summary><c>{"results": [...]}</c>: one response per query, in query order.</summary>
internal sealed record PlainMultiSearchResult(IReadOnlyList<IndexSearchResult> Results) : MultiSearchResult;

/// <summary>One query's response and the index it searched (written first, as <c>indexUid</c>).</summary>
internal sealed record IndexSearchResult(string IndexUid, SearchResponse Response);

/// <summary>Value counts and numeric ranges of the facets of one index, or merged over every index.</summary>
internal sealed record FacetResults(
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Distribution,
    IReadOnlyDictionary<string, FacetStats> Stats);

/// <summary>
/// One merged, ranked list. Offset-mode fields (<see cref="Limit"/>, <see cref="Offset"/>,
/// <see cref="EstimatedTotalHits"/>) and page-mode fields (<see cref="HitsPerPage"/>, <see cref="Page"/>,
/// <see cref="TotalPages"/>, <see cref="TotalHits"/>) are exclusive, as in <see cref="SearchResponse"/>.
/// </summary>
internal sealed record FederatedSearchResult : MultiSearchResult
{
    /// <summary>Documents, each ending with <c>_federation</c>.</summary>
    public required IReadOnlyList<JsonObject> Hits { get; init; }

    public long ProcessingTimeMs { get; init; }

    public int? Limit { get; init; }

    public int? Offset { get; init; }

    public int? EstimatedTotalHits { get; init; }

    public int? HitsPerPage { get; init; }

    public int? Page { get; init; }

    public int? TotalPages { get; init; }

    public int? TotalHits { get; init; }

    /// <summary>With <c>mergeFacets</c>: the facets of every index together; otherwise null.</summary>
    public FacetResults? MergedFacets { get; init; }

    /// <summary>Without <c>mergeFacets</c>: the facets asked for in <c>facetsByIndex</c>, per index; otherwise null.</summary>
    public IReadOnlyDictionary<string, FacetResults>? FacetsByIndex { get; init; }
}
