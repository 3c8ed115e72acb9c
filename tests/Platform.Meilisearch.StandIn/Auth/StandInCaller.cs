using Platform.Api.Errors;
using Platform.Search.Filters;
using Platform.Search.Rules;

namespace Platform.Meilisearch.StandIn.Auth;

/// <summary>
/// Who is calling: the master key (<see cref="Key"/> null), an API key, or a tenant token signed with an API key
/// (<see cref="TokenRules"/> set). Index access and the token's filter are decided here, as Meilisearch does.
/// </summary>
internal sealed record StandInCaller(StandInKey? Key, SearchRules? TokenRules)
{
    public static StandInCaller Master { get; } = new(null, null);

    /// <summary>True when the caller may see <paramref name="indexUid"/>: the key's indexes and the token's rules cover it.</summary>
    public bool MayAccess(string indexUid) =>
        Key is null || (IndexPattern.AnyMatches(Key.Indexes, indexUid) && TokenRules?.Authorizes(indexUid) != false);

    /// <summary>True when the caller's key covers every index (<c>*</c>); Meilisearch then also shows global tasks.</summary>
    public bool SeesAllIndexes => Key is null || (Key.Indexes.Contains("*") && TokenRules is null);

    /// <summary>For one query of a multi-search: refused with the generic message, which the orchestrator prefixes.</summary>
    public void EnsureMayQuery(string indexUid)
    {
        if (!MayAccess(indexUid)) throw ApiError.InvalidApiKey();
    }

    /// <summary>
    /// The request's filter AND the token's rule filter for the index, on parsed trees: Meilisearch fuses them so
    /// that nothing in the request can widen the rule.
    /// </summary>
    public FilterExpression? Fuse(string indexUid, FilterExpression? requestFilter) =>
        TokenRules is not null && TokenRules.TryGetParsedFilter(indexUid, out var rule)
            ? FilterCombinator.And(requestFilter, rule)
            : requestFilter;
}
