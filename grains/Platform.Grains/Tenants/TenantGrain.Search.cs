using Platform.Search.Engine;
using Platform.Search.Filters;

namespace Platform.Grains.Tenants;

/// <summary>
/// Search as the tenant: request filter AND the tenant's rule, on the parsed tree; isolation by the engine. The rule
/// also travels in the scope, so the Meilisearch engine puts it into the backend token beside the isolation filter.
/// </summary>
internal sealed partial class TenantGrain
{
    public Task<SearchResponse> Search(string indexUid, SearchRequest request)
    {
        EnsureActive();
        var rule = RuleFilter(indexUid);
        var scoped = request with { Filter = FilterCombinator.And(request.Filter, rule) };
        return EngineCalls.Run(() => engine.SearchAsync(Scope with { Restriction = rule }, indexUid, scoped));
    }

    public Task<FacetSearchResponse> FacetSearch(string indexUid, FacetSearchRequest request)
    {
        EnsureActive();
        var rule = RuleFilter(indexUid);
        var scoped = request with { Filter = FilterCombinator.And(request.Filter, rule) };
        return EngineCalls.Run(() => engine.FacetSearchAsync(Scope with { Restriction = rule }, indexUid, scoped));
    }
}
