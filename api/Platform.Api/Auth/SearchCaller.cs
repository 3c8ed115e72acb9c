using Microsoft.AspNetCore.Http;
using Platform.Api.Errors;
using Platform.Grains.Keys;
using Platform.Search.Filters;
using Platform.Search.Rules;

namespace Platform.Api.Auth;

/// <summary>
/// A request allowed to search as a tenant: by one of its API keys (<see cref="TokenRules"/> null) or by a tenant
/// token signed with one (<see cref="TokenRules"/> = the token's <c>searchRules</c>); bound for <see cref="SearchAccess"/> routes.
/// </summary>
internal sealed record SearchCaller(string TenantUid, ApiKeySnapshot Key, SearchRules? TokenRules)
{
    public static ValueTask<SearchCaller?> BindAsync(HttpContext context) => AuthenticatedCaller.Bind<SearchCaller>(context);

    /// <summary>
    /// For one query of <c>/multi-search</c> (docs/tenant-tokens.md#the-decision-order): the index must be covered by the key and, for a
    /// token, by its rules; the refusal is the generic message, prefixed with the query's position by the caller.
    /// </summary>
    public void EnsureMayQuery(string indexUid)
    {
        if (!IndexPattern.AnyMatches(Key.Indexes, indexUid) || TokenRules?.Authorizes(indexUid) == false)
        {
            throw ApiError.InvalidApiKey();
        }
    }

    /// <summary>
    /// The request's filter fused with the token's rule for the index: <c>request AND rule</c> on parsed trees, so
    /// nothing in the request can widen the rule (docs/rules-and-filters.md#how-isolation-is-fused). An invalid rule filter fails here, at search time,
    /// as in Meilisearch.
    /// </summary>
    public FilterExpression? Fuse(string indexUid, FilterExpression? requestFilter)
    {
        return TokenRules is not null && TokenRules.TryGetParsedFilter(indexUid, out var rule)
            ? FilterCombinator.And(requestFilter, rule)
            : requestFilter;
    }
}
