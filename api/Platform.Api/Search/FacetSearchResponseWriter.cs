using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Search.Engine;

namespace Platform.Api.Search;

/// <summary>
/// Writes a facet search result in Meilisearch's shape and field order:
/// <c>{"facetHits":[{"value":…,"count":…}],"facetQuery":…,"processingTimeMs":…}</c> (<c>facetQuery</c> is null when
/// the request had none).
/// </summary>
internal static class FacetSearchResponseWriter
{
    public static JsonObject ToJson(FacetSearchResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var hits = new JsonArray();
        foreach (var hit in response.FacetHits)
        {
            hits.Add(new JsonObject { ["value"] = hit.Value, ["count"] = hit.Count });
        }

        return new JsonObject
        {
            ["facetHits"] = hits,
            ["facetQuery"] = response.FacetQuery,
            ["processingTimeMs"] = response.ProcessingTimeMs,
        };
    }

    /// <summary>The result as a 200 JSON response.</summary>
    public static Ok<JsonObject> ToResult(FacetSearchResponse response) => TypedResults.Ok(ToJson(response));
}
