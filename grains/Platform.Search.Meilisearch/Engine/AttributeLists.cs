using System.Text.RegularExpressions;
using Platform.Search.Engine;

namespace Platform.Search.Meilisearch.Engine;

/// <summary>
/// Removes the platform attributes (<c>_tenant</c>, <c>_pid</c> and fields under them) from the attribute lists in
/// Meilisearch's error messages, so a client reads what Meilisearch would say about the logical index. Meilisearch
/// prints two list styles: one pair of backticks per name (<c>`a`, `b`</c>, filter errors) and one pair around the
/// whole list (<c>`a, b`</c>, facets, distinct, sort, searchable). A list left with no configured name becomes
/// Meilisearch's own "does not have configured …" sentence.
/// </summary>
internal static partial class AttributeLists
{
    /// <summary>Meilisearch's stand-in for attributes that exist but are not displayed.</summary>
    private const string HiddenAttributes = "<..hidden-attributes>";

    public static string WithoutPlatformAttributes(string message)
    {
        ArgumentNullException.ThrowIfNull(message);

        // Lists only appear on the first line; later lines (a filter error's "1:9 overview = x") echo the
        // client's own input and are left exactly as they are.
        var lineEnd = message.IndexOf('\n', StringComparison.Ordinal);
        var head = lineEnd < 0 ? message : message[..lineEnd];
        var tail = lineEnd < 0 ? "" : message[lineEnd..];
        return AvailableList().Replace(head, Rewrite) + tail;
    }

    private static string Rewrite(Match match)
    {
        var list = match.Groups["list"].Value;
        var perName = list.Contains("`, `", StringComparison.Ordinal);
        var names = perName
            ? list[1..^1].Split("`, `")
            : list[1..^1].Split(", ", StringSplitOptions.RemoveEmptyEntries);
        var kept = names.Where(n => !PhysicalLayout.IsPlatformAttribute(n)).ToList();
        if (kept.Count == names.Length)
        {
            return match.Value;
        }

        // Meilisearch only lists displayed names; with none of those left it prints its sentence instead.
        if (!kept.Any(n => n != HiddenAttributes) && NothingConfigured(match.Groups["kind"].Value) is { } sentence)
        {
            return sentence;
        }

        var rebuilt = perName && kept.Count > 0 ? string.Join(", ", kept.Select(n => $"`{n}`")) : $"`{string.Join(", ", kept)}`";
        return $"{match.Groups["lead"].Value}{rebuilt}.";
    }

    /// <summary>The sentence replacing an empty list; Meilisearch has none for searchable attributes.</summary>
    private static string? NothingConfigured(string kind) => kind switch
    {
        "filterable" => SearchEngineErrors.NoFilterableAttributes,
        "facet-searchable" => SearchEngineErrors.NoFacetSearchableAttributes,
        "sortable" => SearchEngineErrors.NoSortableAttributes,
        _ => null,
    };

    // "Available filterable attribute patterns are: …" (filter), "Available filterable attributes patterns are: …"
    // (facet distribution, distinct), "Available facet-searchable attributes patterns are: …",
    // "Available sortable attributes are: …", "Available searchable attributes are: …".
    [GeneratedRegex(@"(?<lead>Available (?<kind>filterable|facet-searchable|sortable|searchable) attributes? (?:patterns )?are: )(?<list>`[^`]*`(?:, `[^`]*`)*)\.")]
    private static partial Regex AvailableList();
}
