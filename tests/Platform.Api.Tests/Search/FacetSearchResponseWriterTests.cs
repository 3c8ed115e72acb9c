using System.Text.Json.Nodes;
using Platform.Api.Search;
using Platform.Search.Engine;

namespace Platform.Api.Tests.Search;

public sealed class FacetSearchResponseWriterTests
{
    [Fact]
    public void Writes_meilisearch_fields_in_meilisearch_order()
    {
        var json = FacetSearchResponseWriter.ToJson(new FacetSearchResponse
        {
            FacetHits = [new FacetHit("Action", 5), new FacetHit("Adventure", 2)],
            FacetQuery = "a",
            ProcessingTimeMs = 3,
        });
        Assert.Equal("""{"facetHits":[{"value":"Action","count":5},{"value":"Adventure","count":2}],"facetQuery":"a","processingTimeMs":3}""", json.ToJsonString());
    }

    [Fact]
    public void Writes_null_facet_query_and_empty_hits()
    {
        var json = FacetSearchResponseWriter.ToJson(new FacetSearchResponse { FacetHits = [] });
        Assert.Equal(["facetHits", "facetQuery", "processingTimeMs"], json.Select(p => p.Key).ToArray());
        Assert.Equal("""{"facetHits":[],"facetQuery":null,"processingTimeMs":0}""", json.ToJsonString());
    }

    [Fact]
    public void Values_keep_their_text_unchanged()
    {
        var json = FacetSearchResponseWriter.ToJson(new FacetSearchResponse { FacetHits = [new FacetHit("Amélie \"quoted\"", 1)], FacetQuery = "amé" });
        var roundTrip = JsonNode.Parse(json.ToJsonString())!;
        Assert.Equal("Amélie \"quoted\"", roundTrip["facetHits"]![0]!["value"]!.GetValue<string>());
        Assert.Equal("amé", roundTrip["facetQuery"]!.GetValue<string>());
    }
}
