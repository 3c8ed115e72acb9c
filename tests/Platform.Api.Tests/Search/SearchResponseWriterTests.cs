using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Api.Search;
using Platform.Search.Engine;

namespace Platform.Api.Tests.Search;

public sealed class SearchResponseWriterTests
{
    private static readonly Guid RequestUid = Guid.CreateVersion7();

    private static JsonObject Written(SearchResponse response, string? indexUid = null) =>
        JsonNode.Parse(SearchResponseWriter.ToJson(w => SearchResponseWriter.Write(w, response, RequestUid, indexUid)))!.AsObject();

    private static string[] Keys(JsonObject json) => [.. json.Select(p => p.Key)];

    [Fact]
    public void Offset_mode_fields_come_in_Meilisearch_order()
    {
        var json = Written(new SearchResponse
        {
            Hits = [new JsonObject { ["id"] = 1, ["title"] = "Gläss <b>" }],
            Query = "glass",
            ProcessingTimeMs = 3,
            Limit = 20,
            Offset = 0,
            EstimatedTotalHits = 1,
        });
        Assert.Equal(["hits", "query", "processingTimeMs", "limit", "offset", "estimatedTotalHits", "requestUid"], Keys(json));
        Assert.Equal("Gläss <b>", json["hits"]![0]!["title"]!.GetValue<string>());
        Assert.Equal(20, json["limit"]!.GetValue<int>());
        Assert.Equal(RequestUid.ToString(), json["requestUid"]!.GetValue<string>());
    }

    [Fact]
    public void Page_mode_fields_come_in_Meilisearch_order()
    {
        var json = Written(new SearchResponse { Hits = [], Query = "", HitsPerPage = 5, Page = 2, TotalPages = 3, TotalHits = 11 });
        Assert.Equal(["hits", "query", "processingTimeMs", "hitsPerPage", "page", "totalPages", "totalHits", "requestUid"], Keys(json));
        Assert.Equal(3, json["totalPages"]!.GetValue<int>());
    }

    [Fact]
    public void Facets_come_before_requestUid_and_stats_are_always_written_with_a_distribution()
    {
        var json = Written(new SearchResponse
        {
            Hits = [],
            Query = "",
            Limit = 20,
            Offset = 0,
            EstimatedTotalHits = 2,
            FacetDistribution = new Dictionary<string, IReadOnlyDictionary<string, int>> { ["genre"] = new Dictionary<string, int> { ["sf"] = 2 } },
        });
        Assert.Equal(["hits", "query", "processingTimeMs", "limit", "offset", "estimatedTotalHits", "facetDistribution", "facetStats", "requestUid"], Keys(json));
        Assert.Equal(2, json["facetDistribution"]!["genre"]!["sf"]!.GetValue<int>());
        Assert.Empty(json["facetStats"]!.AsObject());
    }

    [Fact]
    public void Facet_stats_are_written_as_floats()
    {
        var text = SearchResponseWriter.ToJson(w => SearchResponseWriter.Write(w, new SearchResponse
        {
            Hits = [],
            Query = "",
            Limit = 20,
            Offset = 0,
            EstimatedTotalHits = 0,
            FacetDistribution = new Dictionary<string, IReadOnlyDictionary<string, int>>(),
            FacetStats = new Dictionary<string, FacetStats> { ["year"] = new(1965, 2001.5) },
        }, RequestUid));
        Assert.Contains("\"facetStats\":{\"year\":{\"min\":1965.0,\"max\":2001.5}}", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_multi_search_result_starts_with_indexUid()
    {
        var json = Written(new SearchResponse { Hits = [], Query = "q", Limit = 1, Offset = 0, EstimatedTotalHits = 0 }, "movies");
        Assert.Equal(["indexUid", "hits", "query", "processingTimeMs", "limit", "offset", "estimatedTotalHits", "requestUid"], Keys(json));
    }

    [Fact]
    public void Plain_multi_search_results_are_wrapped_in_results()
    {
        var result = new PlainMultiSearchResult([new IndexSearchResult("a", new SearchResponse { Hits = [], Query = "", Limit = 20, Offset = 0, EstimatedTotalHits = 0 })]);
        var json = JsonNode.Parse(SearchResponseWriter.ToJson(w => SearchResponseWriter.Write(w, result, RequestUid)))!.AsObject();
        Assert.Equal(["results"], Keys(json));
        Assert.Equal("a", json["results"]![0]!["indexUid"]!.GetValue<string>());
        Assert.Empty(JsonNode.Parse(SearchResponseWriter.ToJson(w => SearchResponseWriter.Write(w, new PlainMultiSearchResult([]), RequestUid)))!["results"]!.AsArray());
    }

    [Fact]
    public void Federated_results_have_no_query_and_facets_by_index_before_requestUid()
    {
        var facets = new FacetResults(
            new Dictionary<string, IReadOnlyDictionary<string, int>> { ["genre"] = new Dictionary<string, int> { ["sf"] = 1 } },
            new Dictionary<string, FacetStats>());
        var result = new FederatedSearchResult
        {
            Hits = [],
            Limit = 20,
            Offset = 0,
            EstimatedTotalHits = 0,
            FacetsByIndex = new Dictionary<string, FacetResults> { ["movies"] = facets },
        };
        var json = JsonNode.Parse(SearchResponseWriter.ToJson(w => SearchResponseWriter.Write(w, result, RequestUid)))!.AsObject();
        Assert.Equal(["hits", "processingTimeMs", "limit", "offset", "estimatedTotalHits", "facetsByIndex", "requestUid"], Keys(json));
        Assert.Equal(["distribution", "stats"], Keys(json["facetsByIndex"]!["movies"]!.AsObject()));

        var merged = result with { FacetsByIndex = null, MergedFacets = facets, Limit = null, Offset = null, EstimatedTotalHits = null, HitsPerPage = 1, Page = 1, TotalPages = 0, TotalHits = 0 };
        json = JsonNode.Parse(SearchResponseWriter.ToJson(w => SearchResponseWriter.Write(w, merged, RequestUid)))!.AsObject();
        Assert.Equal(["hits", "processingTimeMs", "hitsPerPage", "page", "totalPages", "totalHits", "facetDistribution", "facetStats", "requestUid"], Keys(json));
    }

    [Fact]
    public void The_requestUid_is_a_version_7_uuid()
    {
        var text = SearchResponseWriter.ToJson(w => SearchResponseWriter.Write(w, new SearchResponse { Hits = [], Query = "", Limit = 20, Offset = 0, EstimatedTotalHits = 0 }, Guid.CreateVersion7()));
        var uid = Guid.Parse(JsonDocument.Parse(text).RootElement.GetProperty("requestUid").GetString()!);
        Assert.Equal(7, uid.Version);
    }
}
