using Platform.Search.Filters;

namespace Platform.Search.Engine;

/// <summary>
/// A search for the values of one facet, mirroring Meilisearch's <c>POST /indexes/{uid}/facet-search</c> body.
/// The documents considered are those <see cref="Q"/> and <see cref="Filter"/> select (with the tenant scope always
/// applied); among their values of <see cref="FacetName"/>, those matching <see cref="FacetQuery"/> are counted.
/// </summary>
public sealed record FacetSearchRequest
{
    /// <summary>The facet attribute; it must be filterable.</summary>
    public required string FacetName { get; init; }

    /// <summary>Text the facet values must start with (case-, accent- and typo-tolerant); null means every value.</summary>
    public string? FacetQuery { get; init; }

    /// <summary>Query text selecting the documents; null or empty means every document.</summary>
    public string? Q { get; init; }

    public FilterExpression? Filter { get; init; }

    public MatchingStrategy MatchingStrategy { get; init; } = MatchingStrategy.Last;

    /// <summary>Restricts the searchable attributes <see cref="Q"/> is matched on, or null.</summary>
    public IReadOnlyList<string>? AttributesToSearchOn { get; init; }

    /// <summary>Documents scoring below this value (0..1) are not counted, or null.</summary>
    public double? RankingScoreThreshold { get; init; }

    /// <summary>Meilisearch's switch for exact counts; null when not given. Engines that always count exactly ignore it.</summary>
    public bool? ExhaustiveFacetCount { get; init; }
}

/// <summary>One facet value and the number of the tenant's selected documents carrying it.</summary>
public sealed record FacetHit(string Value, int Count);

/// <summary>A facet search result: <c>{"facetHits":[{"value","count"}],"facetQuery","processingTimeMs"}</c>.</summary>
public sealed record FacetSearchResponse
{
    public required IReadOnlyList<FacetHit> FacetHits { get; init; }

    /// <summary>The request's <see cref="FacetSearchRequest.FacetQuery"/>, echoed (null when absent).</summary>
    public string? FacetQuery { get; init; }

    public long ProcessingTimeMs { get; init; }
}
