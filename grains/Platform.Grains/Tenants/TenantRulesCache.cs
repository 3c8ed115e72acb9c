using Platform.Search.Filters;
using Platform.Search.Rules;

namespace Platform.Grains.Tenants;

/// <summary>
/// The tenant's rules parsed once per change (stored as canonical JSON, validated when set), with the parsed filter
/// of each index cached: the per-search cost of the tenant's rules is a dictionary lookup.
/// </summary>
internal sealed class TenantRulesCache
{
    private readonly Dictionary<string, (bool Authorized, FilterExpression? Filter)> _byIndex = new(StringComparer.Ordinal);
    private string? _rulesJson;
    private SearchRules? _rules;

    /// <summary>Whether the rules cover the index, and the filter they add there (null: none).</summary>
    public (bool Authorized, FilterExpression? Filter) For(string? rulesJson, string indexUid)
    {
        if (!string.Equals(rulesJson, _rulesJson, StringComparison.Ordinal))
        {
            _byIndex.Clear();
            _rulesJson = rulesJson;
            _rules = rulesJson is null ? null : SearchRules.Parse(rulesJson);
        }

        if (_rules is null) return (true, null);
        if (_byIndex.TryGetValue(indexUid, out var cached)) return cached;

        var entry = !_rules.Authorizes(indexUid)
            ? (false, null)
            : (true, _rules.TryGetFilter(indexUid, out var filter) && filter is { } json ? FilterJson.Parse(json) : null);
        _byIndex[indexUid] = entry;
        return entry;
    }
}
