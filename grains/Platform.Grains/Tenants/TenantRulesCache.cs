using Platform.Search.Filters;
using Platform.Search.Rules;

namespace Platform.Grains.Tenants;

/// <summary>
/// The tenant's rules, parsed once per change (they are stored as canonical JSON and validated when set); the parsed
/// filter of each index is remembered by <see cref="SearchRules.TryGetParsedFilter"/>, so the per-search cost of the
/// tenant's rules is a lookup.
/// </summary>
internal sealed class TenantRulesCache
{
    private string? _rulesJson;
    private SearchRules? _rules;

    /// <summary>Whether the rules cover the index, and the filter they add there (null: none).</summary>
    public (bool Authorized, FilterExpression? Filter) For(string? rulesJson, string indexUid)
    {
        if (!string.Equals(rulesJson, _rulesJson, StringComparison.Ordinal))
        {
            // Parse before remembering: a parse failure leaves the cache unchanged and fails this call and every
            // later one with these rules (fail closed), never answering with the previous rules.
            var parsed = rulesJson is null ? null : SearchRules.Parse(rulesJson);
            _rules = parsed;
            _rulesJson = rulesJson;
        }

        if (_rules is null) return (true, null);
        return _rules.TryGetParsedFilter(indexUid, out var filter) ? (true, filter) : (false, null);
    }
}
