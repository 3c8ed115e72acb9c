using Platform.Search.Engine;

namespace Platform.Grains.Tenants;

/// <summary>
/// Search as a tenant. The request's filter is the caller's (already fused with a token's rule, if any); the grain
/// adds the tenant's rule for the index on the parsed tree, and the engine adds isolation. Read-only: a tenant's
/// searches run concurrently; a change of the tenant's rules waits for searches in flight and applies to the next.
/// </summary>
[Alias("platform.tenant.search.v1")]
public interface ITenantSearch : IGrainWithStringKey
{
    /// <summary>Searches one index. Throws <c>invalid_api_key</c> when the tenant's rules do not cover it. Read-only.</summary>
    [ReadOnly, Alias("search")]
    Task<SearchResponse> Search(string indexUid, SearchRequest request);

    /// <summary>Searches the values of one facet among the tenant's matching documents. Read-only.</summary>
    [ReadOnly, Alias("facet-search")]
    Task<FacetSearchResponse> FacetSearch(string indexUid, FacetSearchRequest request);
}
