namespace Platform.Search.Rules;

/// <summary>
/// Whether a list of index patterns (an API key's <c>indexes</c>) covers every index another pattern can match (a
/// token's rule). Minting uses it so that a token never reaches beyond the key that asked for it or the key that
/// signs it (docs/tenant-tokens.md).
/// </summary>
public static class IndexPatternCoverage
{
    /// <summary>The first pattern of <paramref name="rules"/> that <paramref name="keyIndexes"/> do not cover, or null.</summary>
    public static IndexPattern? FirstUncovered(IEnumerable<string> keyIndexes, SearchRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var outer = keyIndexes.Select(IndexPattern.Parse).ToList();
        return rules.Patterns.FirstOrDefault(inner => !outer.Any(o => Covers(o, inner)));
    }

    /// <summary>
    /// True if every uid <paramref name="inner"/> matches, <paramref name="outer"/> matches too. Conservative: a
    /// prefix pattern is covered only by one prefix pattern, never by several exact uids together.
    /// </summary>
    public static bool Covers(IndexPattern outer, IndexPattern inner)
    {
        ArgumentNullException.ThrowIfNull(outer);
        ArgumentNullException.ThrowIfNull(inner);
        return inner.IsPrefix
            ? outer.IsPrefix && inner.Raw[..^1].StartsWith(outer.Raw[..^1], StringComparison.Ordinal)
            : outer.Matches(inner.Raw);
    }
}
