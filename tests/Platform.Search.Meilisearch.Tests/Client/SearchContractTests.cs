using System.Text.Json.Nodes;
using Platform.Search.Meilisearch.Tests.Infrastructure;

namespace Platform.Search.Meilisearch.Tests.Client;

public sealed class SearchContractTests(RecordingMeilisearchFixture fixture) : ContractTestBase(fixture)
{
    [Fact]
    public async Task Search_posts_the_query_with_the_search_credential()
    {
        Server.Enqueue(ScriptedResponse.Ok(MeilisearchExamples.SearchResponse));
        var query = new JsonObject { ["q"] = "glass", ["filter"] = "color = blue", ["limit"] = 20, ["attributesToRetrieve"] = new JsonArray("*") };

        var response = await Client.SearchAsync(Tenant, "movies", query);

        AssertSent("POST", "/indexes/movies/search", "", Tenant.Token,
            """{"q":"glass","filter":"color = blue","limit":20,"attributesToRetrieve":["*"]}""");
        AssertJson.Equal(MeilisearchExamples.SearchResponse, response.ToJsonString());
        Assert.Equal(1, response["estimatedTotalHits"]!.GetValue<int>());
    }

    [Fact]
    public async Task MultiSearch_posts_the_queries_in_plain_mode()
    {
        Server.Enqueue(ScriptedResponse.Ok(MeilisearchExamples.MultiSearchResponse));
        JsonObject[] queries = [new() { ["indexUid"] = "movies", ["q"] = "glass" }, new() { ["indexUid"] = "books", ["q"] = "glass", ["limit"] = 5 }];

        var response = await Client.MultiSearchAsync(Tenant, queries);

        AssertSent("POST", "/multi-search", "", Tenant.Token,
            """{"queries":[{"indexUid":"movies","q":"glass"},{"indexUid":"books","q":"glass","limit":5}]}""");
        Assert.Equal("movies", response["results"]![0]!["indexUid"]!.GetValue<string>());
        Assert.Null(queries[0].Parent);
    }

    [Fact]
    public async Task FederatedSearch_posts_federation_and_queries()
    {
        Server.Enqueue(ScriptedResponse.Ok(MeilisearchExamples.FederatedResponse));
        JsonObject[] queries =
        [
            new() { ["indexUid"] = "movies", ["q"] = "glass", ["federationOptions"] = new JsonObject { ["weight"] = 2.0 } },
            new() { ["indexUid"] = "books", ["q"] = "glass" },
        ];

        var response = await Client.FederatedSearchAsync(Tenant, queries, new JsonObject { ["limit"] = 10 });

        AssertSent("POST", "/multi-search", "", Tenant.Token,
            """{"federation":{"limit":10},"queries":[{"indexUid":"movies","q":"glass","federationOptions":{"weight":2.0}},{"indexUid":"books","q":"glass"}]}""");
        Assert.Equal(0.98, response["hits"]![0]!["_federation"]!["weightedRankingScore"]!.GetValue<double>());
    }

    [Fact]
    public async Task FederatedSearch_with_default_federation_sends_an_empty_object()
    {
        Server.Enqueue(ScriptedResponse.Ok(MeilisearchExamples.FederatedResponse));

        await Client.FederatedSearchAsync(Tenant, [], []);

        AssertSent("POST", "/multi-search", "", Tenant.Token, """{"federation":{},"queries":[]}""");
    }

    [Fact]
    public async Task FacetSearch_posts_to_the_facet_search_route()
    {
        Server.Enqueue(ScriptedResponse.Ok(MeilisearchExamples.FacetSearchResponse));

        var response = await Client.FacetSearchAsync(Tenant, "movies", new JsonObject { ["facetName"] = "color", ["facetQuery"] = "bl", ["filter"] = "year > 2000" });

        AssertSent("POST", "/indexes/movies/facet-search", "", Tenant.Token, """{"facetName":"color","facetQuery":"bl","filter":"year > 2000"}""");
        Assert.Equal(2, response["facetHits"]![0]!["count"]!.GetValue<int>());
    }
}
