using Platform.Search.Engine;
using Platform.Search.Filters;

namespace Platform.Grains.Tenants;

/// <summary>Search as the tenant: request filter AND the tenant's rule, on the parsed tree; isolation by the engine.</summary>
internal sealed partial class TenantGrain
{
    public Task<SearchResponse> Search(string indexUid, SearchRequest request)
    {
        EnsureActive();
        var scoped = request with { Filter = FilterCombinator.And(request.Filter, RuleFilter(indexUid)) };
        return EngineCalls.Run(() => engine.SearchAsync(Scope, indexUid, scoped));
    }

    public Task<FacetSearchResponse> FacetSearch(string indexUid, FacetSearchRequest request)
    {
        EnsureActive();
        var scoped = request with { Filter = FilterCombinator.And(request.Filter, RuleFilter(indexUid)) };
        return EngineCalls.Run(() => engine.FacetSearchAsync(Scope, indexUid, scoped));
    }
}
