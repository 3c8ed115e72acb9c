using Platform.Search.Filters;

namespace Platform.Search.Engine;

/// <summary>How query words are dropped when documents do not contain all of them (docs/api-reference.md#search-with-post).</summary>
public enum MatchingStrategy
{
    /// <summary>Documents matching all words first, then those matching all but the last word, and so on.</summary>
    Last,

    /// <summary>Only documents matching every word.</summary>
    All,

    /// <summary>Like <see cref="Last"/>, but the most frequent words are dropped first.</summary>
    Frequency,
}

/// <summary>
/// A search, mirroring Meilisearch's <c>POST /indexes/{uid}/search</c> body (docs/api-reference.md#search-with-post). The filter arrives parsed;
/// the tenant is not part of the request but of the <see cref="TenantScope"/> passed next to it.
/// Page mode is on when <see cref="Page"/> or <see cref="HitsPerPage"/> is set.
/// </summary>
public sealed record SearchRequest
{
    /// <summary>Query text; null or empty means placeholder search.</summary>
    public string? Q { get; init; }

    public FilterExpression? Filter { get; init; }

    /// <summary><c>attribute:asc</c> / <c>attribute:desc</c> expressions, most important first.</summary>
    public IReadOnlyList<string>? Sort { get; init; }

    public int Limit { get; init; } = 20;

    public int Offset { get; init; }

    public int? Page { get; init; }

    public int? HitsPerPage { get; init; }

    /// <summary>Attributes (or patterns) whose value counts are returned; each must be filterable.</summary>
    public IReadOnlyList<string>? Facets { get; init; }

    public IReadOnlyList<string>? AttributesToRetrieve { get; init; }

    public IReadOnlyList<string>? AttributesToHighlight { get; init; }

    public string HighlightPreTag { get; init; } = "<em>";

    public string HighlightPostTag { get; init; } = "</em>";

    /// <summary><c>attribute</c> or <c>attribute:words</c> entries.</summary>
    public IReadOnlyList<string>? AttributesToCrop { get; init; }

    public int CropLength { get; init; } = 10;

    public string CropMarker { get; init; } = "…";

    public bool ShowMatchesPosition { get; init; }

    public MatchingStrategy MatchingStrategy { get; init; } = MatchingStrategy.Last;

    public bool ShowRankingScore { get; init; }

    /// <summary>Hits scoring below this value (0..1) are dropped, or null.</summary>
    public double? RankingScoreThreshold { get; init; }

    /// <summary>Attribute keeping one hit per value (must be filterable); overrides the index setting.</summary>
    public string? Distinct { get; init; }

    /// <summary>Restricts the searchable attributes for this query, or null.</summary>
    public IReadOnlyList<string>? AttributesToSearchOn { get; init; }

    /// <summary>True when the request uses page/hitsPerPage pagination.</summary>
    public bool IsPageMode => Page is not null || HitsPerPage is not null;
}
