namespace Platform.Search.Rules;

/// <summary>The two JSON shapes of <c>searchRules</c> (docs/rules-and-filters.md#search-rules-in-tenant-tokens).</summary>
public enum SearchRulesForm
{
    /// <summary>An array of index patterns; never a filter.</summary>
    Set,

    /// <summary>An object from index pattern to <c>null</c> or a rule object.</summary>
    Map,
}
