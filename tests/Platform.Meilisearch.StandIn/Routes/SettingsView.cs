using System.Text.Json.Nodes;
using Platform.Search.Engine;

namespace Platform.Meilisearch.StandIn.Routes;

/// <summary>
/// <c>GET /settings</c> in Meilisearch's shape: the five settings the engine honours, and Meilisearch's defaults for
/// every other setting, so clients that read the whole object find every field they expect.
/// </summary>
internal static class SettingsView
{
    public static JsonObject ToJson(IndexSettings settings) => new()
    {
        ["displayedAttributes"] = List(settings.DisplayedAttributes),
        ["searchableAttributes"] = List(settings.SearchableAttributes),
        ["filterableAttributes"] = List(settings.FilterableAttributes),
        ["sortableAttributes"] = List(settings.SortableAttributes),
        ["rankingRules"] = List(["words", "typo", "proximity", "attribute", "sort", "exactness"]),
        ["stopWords"] = new JsonArray(),
        ["nonSeparatorTokens"] = new JsonArray(),
        ["separatorTokens"] = new JsonArray(),
        ["dictionary"] = new JsonArray(),
        ["synonyms"] = new JsonObject(),
        ["distinctAttribute"] = settings.DistinctAttribute,
        ["proximityPrecision"] = "byWord",
        ["typoTolerance"] = new JsonObject
        {
            ["enabled"] = true,
            ["minWordSizeForTypos"] = new JsonObject { ["oneTypo"] = 5, ["twoTypos"] = 9 },
            ["disableOnWords"] = new JsonArray(),
            ["disableOnAttributes"] = new JsonArray(),
        },
        ["faceting"] = new JsonObject { ["maxValuesPerFacet"] = 100, ["sortFacetValuesBy"] = new JsonObject { ["*"] = "alpha" } },
        ["pagination"] = new JsonObject { ["maxTotalHits"] = 1000 },
        ["searchCutoffMs"] = null,
        ["localizedAttributes"] = null,
        ["facetSearch"] = true,
        ["prefixSearch"] = "indexingTime",
    };

    private static JsonArray List(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);
}
