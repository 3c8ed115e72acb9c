using System.Globalization;
using System.Text;

namespace Platform.Search.Filters;

/// <summary>
/// The texts of filter errors and the Meilisearch layout around them: a diagnostic line, <c>\n</c>, then
/// <c>start:end filter</c> with 1-based columns counted in Unicode scalar values on the span's own line, followed by
/// the whole original filter (as Meilisearch prints it, not only the offending part).
/// </summary>
internal static class FilterErrors
{
    public const string DepthLimit =
        "The filter exceeded the maximum depth limit. Try rewriting the filter so that it contains fewer nested conditions.";

    public const string InOpeningBracket = "Expected `[` after `IN` keyword.";

    public const string InClosingBracket = "Expected matching `]` after the list of field names given to `IN[`";

    public const string GeoRadiusArguments =
        "The `_geoRadius` filter expects three or four arguments: `_geoRadius(latitude, longitude, radius)` or `_geoRadius(latitude, longitude, radius, resolution)`.";

    public const string GeoBoundingBoxArguments =
        "The `_geoBoundingBox` filter expects two pairs of arguments: `_geoBoundingBox([latitude, longitude], [latitude, longitude])`.";

    // REVIEW: the spec does not quote Meilisearch's _geoPolygon argument message; this one follows the pattern of the other two.
    public const string GeoPolygonArguments =
        "The `_geoPolygon` filter expects at least three pairs of arguments: `_geoPolygon([latitude, longitude], [latitude, longitude], [latitude, longitude], ...)`.";

    private const string Operations =
        "`=`, `!=`, `>=`, `>`, `<=`, `<`, `IN`, `NOT IN`, `TO`, `EXISTS`, `NOT EXISTS`, `IS NULL`, `IS NOT NULL`, `IS EMPTY`, `IS NOT EMPTY`, `CONTAINS`, `NOT CONTAINS`, `STARTS WITH`, `NOT STARTS WITH`, `_geoRadius`, `_geoBoundingBox` or `_geoPolygon`";

    public static string TooManyConditions(int max) =>
        $"Too many filter conditions, can't process more than {max.ToString(CultureInfo.InvariantCulture)} filters.";

    public static string InvalidPrimary(string offending) =>
        string.IsNullOrWhiteSpace(offending)
            ? $"Was expecting an operation {Operations} but instead got nothing."
            : $"Was expecting an operation {Operations} at `{Escape(offending)}`.";

    public static string ExpectedEof(string offending) =>
        $"Found unexpected characters at the end of the filter: `{Escape(offending)}`. You probably forgot an `OR` or an `AND` rule.";

    public static string ExpectedValue(string offending) =>
        string.IsNullOrWhiteSpace(offending)
            ? "Was expecting a value but instead got nothing."
            : $"Was expecting a value but instead got `{Escape(offending)}`.";

    // Meilisearch's own tests (filter-parser `lib.rs`, `x = EXISTS`, `AND = 8`) show this wording for a bare keyword;
    // docs/filters.md#errors quotes a different sentence that its parser defines but never reaches for this case.
    public static string ReservedKeyword(string keyword) =>
        $"Was expecting a value but instead got `{Escape(keyword)}`, which is a reserved keyword. To use `{Escape(keyword)}` as a field name or a value, surround it by quotes.";

    public static string MissingClosingDelimiter(string offending, char delimiter) =>
        $"Expression `{Escape(offending)}` is missing the following closing delimiter: `{delimiter}`.";

    public static string InExpectedValue(string offending) =>
        $"Expected only comma-separated field names inside `IN[..]` but instead found `{Escape(offending)}`.";

    public static string ReservedGeo(string word) =>
        $"`{word}` is a reserved keyword and thus can't be used as a filter expression. Use the `_geoRadius(latitude, longitude, distance)` or `_geoBoundingBox([latitude, longitude], [latitude, longitude])` built-in rules to filter on `_geo` coordinates.";

    public static string MisusedGeo(string operation) =>
        $"The `{operation}` filter is an operation and can't be used as a value.";

    public static string MalformedValue(string offending) => $"Malformed value: `{Escape(offending)}`.";

    public static string InvalidEscapedNumber(string offending) =>
        $"Found an invalid escaped sequence number: `{Escape(offending)}`.";

    public static string InvalidJsonType(string expected, string foundJson) =>
        $"Invalid syntax for the filter parameter: `expected {expected}, found: {foundJson}`.";

    /// <summary>Builds the two-line error for the span [<paramref name="start"/>, <paramref name="end"/>) of <paramref name="filter"/>.</summary>
    public static FilterParseException At(string filter, int start, int end, string diagnostic)
    {
        var startColumn = Column(filter, start);
        var endColumn = startColumn + CountRunes(filter, start, end);
        var message = string.Create(
            CultureInfo.InvariantCulture, $"{diagnostic}\n{startColumn}:{endColumn} {filter}");
        return new FilterParseException(diagnostic, message, startColumn, endColumn);
    }

    // Meilisearch reports columns of its UTF-8 input within the current line; counting runes gives the same numbers.
    private static int Column(string text, int index)
    {
        var lineStart = index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;

        return 1 + CountRunes(text, lineStart, index);
    }

    private static int CountRunes(string text, int start, int end)
    {
        var count = 0;
        for (var i = start; i < end; i++)
        {
            if (!(char.IsHighSurrogate(text[i]) && i + 1 < end && char.IsLowSurrogate(text[i + 1])))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Approximates Rust's <c>str::escape_debug</c>, which Meilisearch applies to the quoted input so that the
    /// diagnostic stays on one line.</summary>
    internal static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '\t': builder.Append("\\t"); break;
                case '\r': builder.Append("\\r"); break;
                case '\n': builder.Append("\\n"); break;
                case '\0': builder.Append("\\0"); break;
                case '\\': builder.Append("\\\\"); break;
                case '\'': builder.Append("\\'"); break;
                case '"': builder.Append("\\\""); break;
                default:
                    if (IsPrintable(rune))
                    {
                        builder.Append(rune.ToString());
                    }
                    else
                    {
                        builder.Append(CultureInfo.InvariantCulture, $"\\u{{{rune.Value:x}}}");
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    private static bool IsPrintable(Rune rune) =>
        rune.Value == ' ' || Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.SpaceSeparator or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Surrogate => false,
            _ => true,
        };
}
