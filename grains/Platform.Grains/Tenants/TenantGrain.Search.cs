using Orleans.Concurrency;
using Platform.Search.Engine;
using Platform.Search.Filters;

namespace Platform.Grains.Tenants;

/// <summary>
/// Search as the tenant: request filter AND the tenant's rule, on the parsed tree; isolation by the engine. The rule
/// also travels in the scope, with the backend credential this grain caches for it (Meilisearch: a tenant token whose
/// rules carry the isolation filter and the rule), so the backend enforces both a second time.
/// </summary>
internal sealed partial class TenantGrain
{
    public async Task<Immutable<SearchResponse>> Search(string indexUid, Immutable<SearchRequest> request, CancellationToken cancellationToken)
    {
        EnsureActive();
        var rule = RuleFilter(indexUid);
        var scoped = request.Value with { Filter = FilterCombinator.And(request.Value.Filter, rule) };
        var scope = await SearchScope(rule);
        return (await EngineCalls.Run(() => engine.SearchAsync(scope, indexUid, scoped, cancellationToken))).AsImmutable();
    }

    public async Task<Immutable<FacetSearchResponse>> FacetSearch(string indexUid, Immutable<FacetSearchRequest> request, CancellationToken cancellationToken)
    {
        EnsureActive();
        var rule = RuleFilter(indexUid);
        var scoped = request.Value with { Filter = FilterCombinator.And(request.Value.Filter, rule) };
        var scope = await SearchScope(rule);
        return (await EngineCalls.Run(() => engine.FacetSearchAsync(scope, indexUid, scoped, cancellationToken))).AsImmutable();
    }

    private async ValueTask<TenantScope> SearchScope(FilterExpression? rule)
    {
        var scope = Scope with { Restriction = rule };
        return _backendCredentials is null ? scope : await EngineCalls.InPlace(_backendCredentials.AttachAsync(scope));
    }
}
