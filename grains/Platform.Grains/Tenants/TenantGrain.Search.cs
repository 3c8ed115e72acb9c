using Orleans.Concurrency;
using Platform.Search.Engine;
using Platform.Search.Filters;

namespace Platform.Grains.Tenants;

/// <summary>
/// Search as the tenant: request filter AND the tenant's rule, on the parsed tree; isolation by the engine. The rule
/// also travels in the scope, so the Meilisearch engine puts it into the backend token beside the isolation filter.
/// </summary>
internal sealed partial class TenantGrain
{
    public async Task<Immutable<SearchResponse>> Search(string indexUid, Immutable<SearchRequest> request)
    {
        EnsureActive();
        var rule = RuleFilter(indexUid);
        var scoped = request.Value with { Filter = FilterCombinator.And(request.Value.Filter, rule) };
        return (await EngineCalls.Run(() => engine.SearchAsync(Scope with { Restriction = rule }, indexUid, scoped))).AsImmutable();
    }

    public async Task<Immutable<FacetSearchResponse>> FacetSearch(string indexUid, Immutable<FacetSearchRequest> request)
    {
        EnsureActive();
        var rule = RuleFilter(indexUid);
        var scoped = request.Value with { Filter = FilterCombinator.And(request.Value.Filter, rule) };
        return (await EngineCalls.Run(() => engine.FacetSearchAsync(Scope with { Restriction = rule }, indexUid, scoped))).AsImmutable();
    }
}
