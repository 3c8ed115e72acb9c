using Platform.Search.Engine;

namespace Platform.Grains.Tenants;

/// <summary>
/// Search as a tenant. The request's filter is the caller's (already fused with a token's rule, if any); the grain
/// adds the tenant's rule for the index on the parsed tree, and the engine adds isolation. Read-only: a tenant's
/// searches run concurrently; a change of the tenant's rules waits for searches in flight and applies to the next.
/// Requests and responses travel as <see cref="Immutable{T}"/>: neither side changes them after the call, so a call
/// to a local activation (the common case, API co-hosted in the silo) skips Orleans' defensive deep copy, which for
/// these JSON-serialized types is a full serialize-and-parse round trip.
/// The cancellation token travels with the call (Orleans forwards a cancellation to the activation): when the client
/// goes away, the engine stops the work at its next check instead of finishing an answer nobody reads.
/// </summary>
[Alias("platform.tenant.search.v1")]
public interface ITenantSearch : IGrainWithStringKey
{
    /// <summary>Searches one index. Throws <c>invalid_api_key</c> when the tenant's rules do not cover it. Read-only.</summary>
    [ReadOnly, Alias("search")]
    Task<Immutable<SearchResponse>> Search(string indexUid, Immutable<SearchRequest> request, CancellationToken cancellationToken = default);

    /// <summary>Searches the values of one facet among the tenant's matching documents. Read-only.</summary>
    [ReadOnly, Alias("facet-search")]
    Task<Immutable<FacetSearchResponse>> FacetSearch(string indexUid, Immutable<FacetSearchRequest> request, CancellationToken cancellationToken = default);
}
