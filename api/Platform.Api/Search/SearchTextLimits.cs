using Platform.Api.Errors;
using Platform.Api.Json;

namespace Platform.Api.Search;

/// <summary>
/// Length caps on the search parameters that are copied into the response once per match: <c>highlightPreTag</c>,
/// <c>highlightPostTag</c> and <c>cropMarker</c>. Without them a 10 KB request could ask for a response ten thousand
/// times larger (docs/limits.md#search-results). Over the cap the field's own <c>invalid_search_*</c> code answers.
/// </summary>
internal static class SearchTextLimits
{
    /// <summary>Most characters a highlight tag or the crop marker may hold.</summary>
    public const int MaxTagLength = 256;

    /// <summary>The value, when it is within <see cref="MaxTagLength"/>.</summary>
    /// <param name="field">The parameter's camelCase name, as the client spelled it.</param>
    /// <param name="path">Where the field sits (<c>queries[0].highlightPreTag</c> in a multi-search).</param>
    /// <param name="value">What the client sent.</param>
    public static string Tag(string field, string path, string value) =>
        value.Length <= MaxTagLength
            ? value
            : throw new ApiError(
                "invalid_search_" + JsonObjectReader.Snake(field),
                $"Invalid value at `.{path}`: the value is {value.Length} characters long; at most {MaxTagLength} are allowed.");
}
