using Platform.Api.Errors;
using Platform.Search.Engine;

namespace Platform.Api.Search;

/// <summary>A <c>POST /multi-search</c> body (docs/api-reference.md#multi-search); federated when <see cref="Federation"/> is set.</summary>
internal sealed record MultiSearchRequest(IReadOnlyList<MultiSearchQuery> Queries, FederationSettings? Federation);

/// <summary>One query of a multi-search.</summary>
/// <param name="Position">Its index in <c>queries</c>, as error messages and <c>_federation.queriesPosition</c> give it.</param>
/// <param name="IndexUid">The index it searches.</param>
/// <param name="Query">The search; its filter is the client's own.</param>
/// <param name="Weight"><c>federationOptions.weight</c>: multiplies the ranking score in a federated merge (default 1).</param>
internal sealed record MultiSearchQuery(int Position, string IndexUid, ParsedSearchQuery Query, double Weight)
{
    /// <summary>True when the query carried a (non-null) <c>federationOptions</c>, refused outside federation.</summary>
    internal bool HasFederationOptions { get; init; }

    /// <summary>The first of <c>offset</c>, <c>limit</c>, <c>page</c>, <c>hitsPerPage</c> given, refused in federation.</summary>
    internal string? PaginationField { get; init; }

    /// <summary>
    /// A filter error found while reading. Meilisearch reports it when it runs the query, prefixed like any error of
    /// that query, so it is kept here rather than thrown.
    /// </summary>
    internal ApiError? FilterError { get; init; }

    internal SearchRequest Request => Query.Request;
}

/// <summary>The <c>federation</c> object: pagination of the merged list and facets per index.</summary>
internal sealed record FederationSettings
{
    public int Limit { get; init; } = 20;

    public int Offset { get; init; }

    public int? Page { get; init; }

    public int? HitsPerPage { get; init; }

    /// <summary>Facets to compute per index (index uids in ordinal order, as Meilisearch returns them).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> FacetsByIndex { get; init; } =
        new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    /// <summary>True when <c>mergeFacets</c> was given: one merged distribution instead of one per index.</summary>
    public bool MergeFacets { get; init; }

    /// <summary><c>mergeFacets.maxValuesPerFacet</c>; null keeps every value.</summary>
    public int? MaxValuesPerFacet { get; init; }

    public bool IsPageMode => Page is not null || HitsPerPage is not null;
}
