using System.Text.Json;

namespace Platform.Search.Rules;

/// <summary>
/// The value of one entry of map-form search rules (docs/rules-and-filters.md#search-rules-in-tenant-tokens). Only <c>filter</c> has a meaning; <c>null</c>,
/// <c>{}</c> and <c>{"filter": null}</c> all mean "no filter", and unknown fields are dropped.
/// </summary>
/// <remarks>The filter is kept as raw JSON (a string, an array, or any other JSON value, exactly as given). It is
/// not validated here: Meilisearch validates it only when a search uses it.</remarks>
public sealed class SearchRule
{
    private SearchRule(JsonElement? filter) => Filter = filter;

    /// <summary>A rule without a filter.</summary>
    public static SearchRule NoFilter { get; } = new(null);

    /// <summary>The filter JSON, or null when the rule applies no filter.</summary>
    public JsonElement? Filter { get; }

    /// <summary>A rule with the given filter JSON. A JSON <c>null</c> (or undefined element) means no filter.</summary>
    public static SearchRule WithFilter(JsonElement? filter) =>
        filter is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } value
            ? new SearchRule(value.Clone())
            : NoFilter;

    /// <summary>Wraps an element that nothing else holds (from <c>JsonElement.ParseValue</c>): no second copy.</summary>
    internal static SearchRule FromOwnedElement(JsonElement filter) =>
        filter.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? NoFilter : new SearchRule(filter);

    /// <summary>A rule whose filter is the given filter string.</summary>
    public static SearchRule WithFilter(string filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return new SearchRule(JsonSerializer.SerializeToElement(filter));
    }
}
