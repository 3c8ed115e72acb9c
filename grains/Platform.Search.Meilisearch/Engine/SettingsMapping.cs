using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Search.Meilisearch.Engine;

using IndexSettings = Platform.Search.Engine.IndexSettings;

/// <summary>Logical index settings to and from the physical index's Meilisearch settings.</summary>
internal static class SettingsMapping
{
    private const string TenantAttribute = PhysicalLayout.TenantAttribute;

    /// <summary>
    /// Logical settings as the physical index needs them: <c>_tenant</c> always filterable, and displayed whenever the
    /// displayed attributes are an explicit list. Meilisearch ends an error's list of filterable attributes with
    /// <c>&lt;..hidden-attributes&gt;</c> when one of them is not displayed, so a hidden <c>_tenant</c> would put that
    /// marker into every such error; the engine strips <c>_tenant</c> from everything it returns anyway.
    /// </summary>
    public static JsonObject ToPhysical(IndexSettings settings)
    {
        var filterable = settings.FilterableAttributes.ToList();
        if (!filterable.Contains(TenantAttribute))
        {
            filterable.Add(TenantAttribute);
        }

        var displayed = settings.DisplayedAttributes.ToList();
        if (!displayed.Contains("*") && !displayed.Contains(TenantAttribute))
        {
            displayed.Add(TenantAttribute);
        }

        return new JsonObject
        {
            ["searchableAttributes"] = List(settings.SearchableAttributes),
            ["displayedAttributes"] = List(displayed),
            ["filterableAttributes"] = List(filterable),
            ["sortableAttributes"] = List(settings.SortableAttributes),
            ["distinctAttribute"] = settings.DistinctAttribute is { } distinct ? JsonValue.Create(distinct) : null,
        };
    }

    /// <summary>The logical settings of a physical index: Meilisearch's defaults where absent, <c>_tenant</c> removed.</summary>
    public static IndexSettings FromPhysical(JsonObject settings)
    {
        static List<string>? Strings(JsonNode? node) => node is JsonArray array
            ? array.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>()).ToList()
            : null;

        var defaults = new IndexSettings();
        return new IndexSettings
        {
            SearchableAttributes = Strings(settings["searchableAttributes"]) ?? [.. defaults.SearchableAttributes],
            DisplayedAttributes = (Strings(settings["displayedAttributes"]) ?? [.. defaults.DisplayedAttributes]).Where(a => a != TenantAttribute).ToList(),
            FilterableAttributes = (Strings(settings["filterableAttributes"]) ?? []).Where(a => a != TenantAttribute).ToList(),
            SortableAttributes = Strings(settings["sortableAttributes"]) ?? [],
            DistinctAttribute = settings["distinctAttribute"] is JsonValue d && d.GetValueKind() == JsonValueKind.String ? d.GetValue<string>() : null,
        };
    }

    /// <summary>A settings list as a JSON array of strings.</summary>
    public static JsonArray List(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);
}
