using Platform.Search.Engine;
using Platform.Search.Filters;

namespace Platform.Api.Search;

/// <summary>
/// A search request read from a client: the engine request, whose <see cref="SearchRequest.Filter"/> is the client's
/// own filter only. The caller fuses it with tenant and token rules on the tree before searching, e.g.
/// <c>query.Request with { Filter = FilterCombinator.And(rules, query.Filter) }</c>.
/// </summary>
internal sealed record ParsedSearchQuery(SearchRequest Request)
{
    /// <summary>The client's filter, or null when it sent none (or only empty strings and arrays).</summary>
    public FilterExpression? Filter => Request.Filter;
}
