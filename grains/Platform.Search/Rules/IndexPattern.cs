using Platform.Search.Serde;

namespace Platform.Search.Rules;

/// <summary>
/// An index uid pattern as Meilisearch reads it in API keys' <c>indexes</c> and in <c>searchRules</c> (docs/rules-and-filters.md#search-rules-in-tenant-tokens):
/// <c>*</c> matches every index, a string ending in <c>*</c> matches uids that start with the text before that
/// (last) <c>*</c>, anything else matches one uid exactly. Always case-sensitive and ordinal.
/// </summary>
/// <remarks>Patterns are not validated as index uids: a garbage string is a valid pattern that never matches.</remarks>
public sealed class IndexPattern : IEquatable<IndexPattern>
{
    private readonly string _prefix;

    private IndexPattern(string raw)
    {
        Raw = raw;
        IsPrefix = raw.EndsWith('*');
        _prefix = IsPrefix ? raw[..^1] : raw;
    }

    /// <summary>The pattern <c>*</c>.</summary>
    public static IndexPattern All { get; } = new("*");

    /// <summary>Orders pattern strings as Rust orders <c>String</c>s (by UTF-8 bytes, i.e. by code point).</summary>
    public static IComparer<string> RustOrder => RustText.Utf8Order;

    /// <summary>The pattern exactly as written.</summary>
    public string Raw { get; }

    /// <summary>True for <c>*</c> and <c>prefix*</c>; false for an exact uid.</summary>
    public bool IsPrefix { get; }

    /// <summary>True for <c>*</c> alone.</summary>
    public bool IsAll => IsPrefix && _prefix.Length == 0;

    /// <summary>Reads a pattern. Never fails: every string is a pattern.</summary>
    public static IndexPattern Parse(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        return raw == "*" ? All : new IndexPattern(raw);
    }

    /// <summary>True if this pattern covers <paramref name="indexUid"/>.</summary>
    public bool Matches(string indexUid)
    {
        ArgumentNullException.ThrowIfNull(indexUid);
        return IsPrefix
            ? indexUid.StartsWith(_prefix, StringComparison.Ordinal)
            : string.Equals(_prefix, indexUid, StringComparison.Ordinal);
    }

    /// <summary>
    /// True if any of <paramref name="patterns"/> covers <paramref name="indexUid"/>: how an API key's <c>indexes</c>
    /// (and a token's set-form rules) authorize an index.
    /// </summary>
    public static bool AnyMatches(IEnumerable<IndexPattern> patterns, string indexUid)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        foreach (var pattern in patterns)
        {
            if (pattern.Matches(indexUid))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Same as <see cref="AnyMatches(IEnumerable{IndexPattern}, string)"/> over raw pattern strings.</summary>
    public static bool AnyMatches(IEnumerable<string> patterns, string indexUid)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        foreach (var pattern in patterns)
        {
            if (Parse(pattern).Matches(indexUid))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The list as Meilisearch prints it in messages: Rust's debug format of a sorted <c>Vec&lt;String&gt;</c>,
    /// e.g. <c>["catto", "doggo"]</c>, or <c>[]</c>.
    /// </summary>
    public static string FormatList(IEnumerable<string> rawPatterns)
    {
        ArgumentNullException.ThrowIfNull(rawPatterns);
        var sorted = rawPatterns.ToList();
        sorted.Sort(RustText.Utf8Order);
        return RustText.DebugList(sorted);
    }

    /// <inheritdoc />
    public bool Equals(IndexPattern? other) => other is not null && string.Equals(Raw, other.Raw, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is IndexPattern other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Raw);

    /// <inheritdoc />
    public override string ToString() => Raw;
}
