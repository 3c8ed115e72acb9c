using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Api.Errors;
using Platform.Api.Search;

namespace Platform.Api.Tests.Search;

public sealed class MultiSearchOrchestratorTests(MultiSearchEngineFixture fixture) : IClassFixture<MultiSearchEngineFixture>
{
    /// <summary>What a route handler does for tenant a: search within its scope, nothing else.</summary>
    private MultiSearchOrchestrator.SearchOne AsTenantA =>
        (index, request, _, token) => fixture.Engine.SearchAsync(MultiSearchEngineFixture.TenantA, index, request, token);

    private Task<MultiSearchResult> Run(string json) => MultiSearchOrchestrator.RunAsync(Parse(json), AsTenantA);

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private async Task<JsonObject> RunJson(string json)
    {
        var result = await Run(json);
        return JsonNode.Parse(SearchResponseWriter.ToJson(w => SearchResponseWriter.Write(w, result, Guid.CreateVersion7())))!.AsObject();
    }

    private static string[] Keys(JsonNode? json) => [.. json!.AsObject().Select(p => p.Key)];

    private static string[] Titles(JsonNode? hits) => [.. hits!.AsArray().Select(h => h!["title"]!.GetValue<string>())];

    // ---- plain ----

    [Fact]
    public async Task Plain_results_come_in_query_order_with_their_index()
    {
        var json = await RunJson("""
            {"queries": [
              {"indexUid": "films", "q": "dune", "sort": ["year:desc"]},
              {"indexUid": "books", "q": "emma"},
              {"indexUid": "books", "filter": "genre = sf", "limit": 1, "attributesToRetrieve": ["title"]}
            ]}
            """);
        var results = json["results"]!.AsArray();
        Assert.Equal(["films", "books", "books"], results.Select(r => r!["indexUid"]!.GetValue<string>()));
        Assert.Equal(["Dune Part Two", "Dune"], Titles(results[0]!["hits"]));
        Assert.Equal(["Emma"], Titles(results[1]!["hits"]));
        Assert.Equal(["indexUid", "hits", "query", "processingTimeMs", "limit", "offset", "estimatedTotalHits", "requestUid"], Keys(results[2]));
        Assert.Equal(3, results[2]!["estimatedTotalHits"]!.GetValue<int>());
        Assert.Equal(["title"], Keys(results[2]!["hits"]![0]));
    }

    [Fact]
    public async Task Plain_results_never_include_another_tenant()
    {
        var result = (PlainMultiSearchResult)await Run("""{"queries": [{"indexUid": "books", "q": "dune"}, {"indexUid": "films", "q": "dune"}]}""");
        Assert.All(result.Results.SelectMany(r => r.Response.Hits), hit => Assert.DoesNotContain("secret", hit["title"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Equal([3, 2], result.Results.Select(r => r.Response.EstimatedTotalHits!.Value));
    }

    [Fact]
    public async Task No_queries_give_no_results()
    {
        var json = await RunJson("""{"queries": []}""");
        Assert.Equal("""{"results":[]}""", json.ToJsonString());
    }

    [Fact]
    public async Task A_missing_index_fails_the_request_with_400_and_the_query_prefix()
    {
        var error = await Assert.ThrowsAsync<ApiError>(() => Run("""{"queries": [{"indexUid": "books"}, {"indexUid": "nope"}, {"indexUid": "films"}]}"""));
        Assert.Equal("index_not_found", error.Code);
        Assert.Equal("Inside `.queries[1]`: Index `nope` not found.", error.Message);
        Assert.Equal(400, error.HttpStatus);
    }

    [Fact]
    public async Task The_lowest_failing_query_is_reported()
    {
        var error = await Assert.ThrowsAsync<ApiError>(() => Run("""
            {"queries": [{"indexUid": "books"}, {"indexUid": "books", "sort": ["title:asc"]}, {"indexUid": "nope"}]}
            """));
        Assert.Equal("invalid_search_sort", error.Code);
        Assert.Equal("Inside `.queries[1]`: Index `books`: Attribute `title` is not sortable. Available sortable attributes are: `year`.", error.Message);
        Assert.Null(error.HttpStatus);
    }

    [Fact]
    public async Task A_filter_error_belongs_to_its_query()
    {
        var error = await Assert.ThrowsAsync<ApiError>(() => Run("""{"queries": [{"indexUid": "books"}, {"indexUid": "books", "filter": true}]}"""));
        Assert.Equal("invalid_search_filter", error.Code);
        Assert.Equal("Inside `.queries[1]`: Invalid syntax for the filter parameter: `expected String, Array, found: true`.", error.Message);
    }

    [Fact]
    public async Task A_refusal_from_the_caller_keeps_its_code_and_gains_the_prefix()
    {
        MultiSearchOrchestrator.SearchOne refuseFilms = (index, request, i, token) =>
            index == "films" ? throw ApiError.InvalidApiKey() : fixture.Engine.SearchAsync(MultiSearchEngineFixture.TenantA, index, request, token);
        var error = await Assert.ThrowsAsync<ApiError>(() =>
            MultiSearchOrchestrator.RunAsync(Parse("""{"queries": [{"indexUid": "books"}, {"indexUid": "films"}]}"""), refuseFilms));
        Assert.Equal("invalid_api_key", error.Code);
        Assert.Equal("Inside `.queries[1]`: The provided API key is invalid.", error.Message);
    }

    [Fact]
    public async Task The_caller_receives_the_clients_own_filter_and_the_query_position()
    {
        var seen = new List<(string, int, bool)>();
        MultiSearchOrchestrator.SearchOne spy = (index, request, i, token) =>
        {
            lock (seen) seen.Add((index, i, request.Filter is not null));
            return fixture.Engine.SearchAsync(MultiSearchEngineFixture.TenantA, index, request, token);
        };
        await MultiSearchOrchestrator.RunAsync(Parse("""{"queries": [{"indexUid": "books", "filter": "genre = sf"}, {"indexUid": "films"}]}"""), spy);
        Assert.Equal([("books", 0, true), ("films", 1, false)], seen.OrderBy(s => s.Item2));
    }

    [Fact]
    public async Task Federation_options_are_refused_without_federation()
    {
        var error = await Assert.ThrowsAsync<ApiError>(() => Run("""{"queries": [{"indexUid": "books"}, {"indexUid": "books", "federationOptions": {"weight": 2}}]}"""));
        Assert.Equal("invalid_multi_search_federation_options", error.Code);
        Assert.Equal("Inside `.queries[1]`: Using `federationOptions` is not allowed in a non-federated search.\n - Hint: remove `federationOptions` from query #1 or add `federation` to the request.", error.Message);
    }

    // ---- federated ----

    [Fact]
    public async Task Federated_hits_are_merged_by_weighted_score_with_federation_details()
    {
        var json = await RunJson("""
            {"federation": {},
             "queries": [
               {"indexUid": "books", "q": "dune"},
               {"indexUid": "films", "q": "dune", "federationOptions": {"weight": 2.0}}
             ]}
            """);
        Assert.Equal(["hits", "processingTimeMs", "limit", "offset", "estimatedTotalHits", "requestUid"], Keys(json));
        var hits = json["hits"]!.AsArray();
        Assert.Equal(5, hits.Count);
        Assert.Equal(5, json["estimatedTotalHits"]!.GetValue<int>());

        // Film hits score double, so both come first, each query keeping its own order.
        Assert.Equal(["films", "films", "books", "books", "books"], hits.Select(h => h!["_federation"]!["indexUid"]!.GetValue<string>()));
        var scores = hits.Select(h => h!["_federation"]!["weightedRankingScore"]!.GetValue<double>()).ToArray();
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.Equal(["id", "title", "genre", "year", "_federation"], Keys(hits[0]));
        Assert.Equal(["indexUid", "queriesPosition", "weightedRankingScore"], Keys(hits[0]!["_federation"]));
        Assert.Equal(1, hits[0]!["_federation"]!["queriesPosition"]!.GetValue<int>());
        Assert.All(hits, h => Assert.Null(h!["_rankingScore"]));
    }

    [Fact]
    public async Task Equal_scores_go_to_the_earlier_query_and_requested_scores_are_kept()
    {
        var result = (FederatedSearchResult)await Run("""
            {"federation": {},
             "queries": [{"indexUid": "films", "filter": "genre = drama"}, {"indexUid": "books", "filter": "genre = novel", "showRankingScore": true}]}
            """);
        Assert.Equal(["Sense and Sensibility", "Emma"], result.Hits.Select(h => h["title"]!.GetValue<string>()));
        Assert.Null(result.Hits[0]["_rankingScore"]);
        Assert.Equal(1.0, result.Hits[1]["_rankingScore"]!.GetValue<double>());
    }

    [Fact]
    public async Task A_zero_weight_sends_a_query_to_the_end()
    {
        var result = (FederatedSearchResult)await Run("""
            {"federation": {},
             "queries": [{"indexUid": "books", "q": "emma", "federationOptions": {"weight": 0}}, {"indexUid": "films", "q": "sense"}]}
            """);
        Assert.Equal(["Sense and Sensibility", "Emma"], result.Hits.Select(h => h["title"]!.GetValue<string>()));
        Assert.Equal(0.0, result.Hits[1]["_federation"]!["weightedRankingScore"]!.GetValue<double>());
    }

    [Fact]
    public async Task Federated_offset_and_limit_apply_to_the_merged_list()
    {
        var all = (FederatedSearchResult)await Run("""{"federation": {}, "queries": [{"indexUid": "books"}, {"indexUid": "films"}]}""");
        var page = (FederatedSearchResult)await Run("""{"federation": {"offset": 2, "limit": 3}, "queries": [{"indexUid": "books"}, {"indexUid": "films"}]}""");
        Assert.Equal(7, all.EstimatedTotalHits);
        Assert.Equal(7, page.EstimatedTotalHits);
        Assert.Equal((3, 2), (page.Limit!.Value, page.Offset!.Value));
        Assert.Equal(all.Hits.Skip(2).Take(3).Select(h => h.ToJsonString()), page.Hits.Select(h => h.ToJsonString()));
    }

    [Fact]
    public async Task Federated_page_mode_counts_pages_of_the_merged_list()
    {
        var json = await RunJson("""{"federation": {"page": 2, "hitsPerPage": 3}, "queries": [{"indexUid": "books"}, {"indexUid": "films"}]}""");
        Assert.Equal(["hits", "processingTimeMs", "hitsPerPage", "page", "totalPages", "totalHits", "requestUid"], Keys(json));
        Assert.Equal(3, json["hits"]!.AsArray().Count);
        Assert.Equal((3, 2, 3, 7), (json["hitsPerPage"]!.GetValue<int>(), json["page"]!.GetValue<int>(), json["totalPages"]!.GetValue<int>(), json["totalHits"]!.GetValue<int>()));
        var last = (FederatedSearchResult)await Run("""{"federation": {"page": 3, "hitsPerPage": 3}, "queries": [{"indexUid": "books"}, {"indexUid": "films"}]}""");
        Assert.Single(last.Hits);
    }

    [Fact]
    public async Task An_empty_federation_gives_an_empty_response()
    {
        var json = await RunJson("""{"federation": {}, "queries": []}""");
        Assert.Equal(["hits", "processingTimeMs", "limit", "offset", "estimatedTotalHits", "requestUid"], Keys(json));
        Assert.Empty(json["hits"]!.AsArray());
        Assert.Equal((20, 0, 0), (json["limit"]!.GetValue<int>(), json["offset"]!.GetValue<int>(), json["estimatedTotalHits"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Federated_merge_never_includes_another_tenant()
    {
        var result = (FederatedSearchResult)await Run("""
            {"federation": {"limit": 100, "facetsByIndex": {"books": ["genre"]}},
             "queries": [{"indexUid": "books", "q": "dune secret"}, {"indexUid": "films", "q": "secret"}, {"indexUid": "books"}]}
            """);
        Assert.NotEmpty(result.Hits);
        Assert.All(result.Hits, hit => Assert.DoesNotContain("secret", hit["title"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.DoesNotContain("essay", result.FacetsByIndex!["books"].Distribution["genre"].Keys);
    }

    [Fact]
    public async Task Facets_by_index_are_computed_per_index()
    {
        var json = await RunJson("""
            {"federation": {"facetsByIndex": {"films": ["genre", "year"], "books": ["genre"]}},
             "queries": [{"indexUid": "books"}, {"indexUid": "films"}]}
            """);
        Assert.Equal(["hits", "processingTimeMs", "limit", "offset", "estimatedTotalHits", "facetsByIndex", "requestUid"], Keys(json));
        var byIndex = json["facetsByIndex"]!;
        Assert.Equal(["books", "films"], Keys(byIndex));
        Assert.Equal(3, byIndex["books"]!["distribution"]!["genre"]!["sf"]!.GetValue<int>());
        Assert.Equal(1, byIndex["books"]!["distribution"]!["genre"]!["novel"]!.GetValue<int>());
        Assert.Equal(2, byIndex["films"]!["distribution"]!["genre"]!["sf"]!.GetValue<int>());
        Assert.Equal(1984, byIndex["films"]!["stats"]!["year"]!["min"]!.GetValue<double>());
        Assert.Equal(2024, byIndex["films"]!["stats"]!["year"]!["max"]!.GetValue<double>());
    }

    [Fact]
    public async Task Merged_facets_add_counts_and_widen_ranges()
    {
        var json = await RunJson("""
            {"federation": {"facetsByIndex": {"films": ["genre", "year"], "books": ["genre", "year"]}, "mergeFacets": {}},
             "queries": [{"indexUid": "books"}, {"indexUid": "films"}]}
            """);
        Assert.Equal(["hits", "processingTimeMs", "limit", "offset", "estimatedTotalHits", "facetDistribution", "facetStats", "requestUid"], Keys(json));
        var genre = json["facetDistribution"]!["genre"]!;
        Assert.Equal(["drama", "novel", "sf"], Keys(genre));
        Assert.Equal(5, genre["sf"]!.GetValue<int>());
        Assert.Equal(1815, json["facetStats"]!["year"]!["min"]!.GetValue<double>());
        Assert.Equal(2024, json["facetStats"]!["year"]!["max"]!.GetValue<double>());

        var truncated = (FederatedSearchResult)await Run("""
            {"federation": {"facetsByIndex": {"films": ["genre"], "books": ["genre"]}, "mergeFacets": {"maxValuesPerFacet": 2}},
             "queries": [{"indexUid": "books"}, {"indexUid": "films"}]}
            """);
        Assert.Equal(["drama", "novel"], truncated.MergedFacets!.Distribution["genre"].Keys);
    }

    [Theory]
    [InlineData("limit", "\"limit\": 5")]
    [InlineData("offset", "\"offset\": 1")]
    [InlineData("page", "\"page\": 1")]
    [InlineData("hitsPerPage", "\"hitsPerPage\": 2")]
    public async Task Per_query_pagination_is_refused_in_federation(string field, string member)
    {
        var error = await Assert.ThrowsAsync<ApiError>(() => Run($$"""{"federation": {}, "queries": [{"indexUid": "books"}, {"indexUid": "films", {{member}}}]}"""));
        Assert.Equal("invalid_multi_search_query_pagination", error.Code);
        Assert.Equal($"Inside `.queries[1]`: Using pagination options is not allowed in federated queries.\n - Hint: remove `{field}` from query #1 or remove `federation` from the request\n - Hint: pass `federation.limit` and `federation.offset` for pagination in federated search", error.Message);
    }

    [Fact]
    public async Task Per_query_facets_are_refused_in_federation()
    {
        var error = await Assert.ThrowsAsync<ApiError>(() => Run("""{"federation": {}, "queries": [{"indexUid": "books", "facets": ["genre", "year"]}]}"""));
        Assert.Equal("invalid_multi_search_query_facets", error.Code);
        Assert.Equal("Inside `.queries[0]`: Using facet options is not allowed in federated queries.\n - Hint: remove `facets` from query #0 or remove `federation` from the request\n - Hint: pass `federation.facetsByIndex.books: [\"genre\", \"year\"]` for facets in federated search", error.Message);
        await Run("""{"federation": {}, "queries": [{"indexUid": "books", "facets": []}]}""");
    }

    [Fact]
    public async Task A_federated_query_error_is_prefixed_too()
    {
        var error = await Assert.ThrowsAsync<ApiError>(() => Run("""{"federation": {}, "queries": [{"indexUid": "books"}, {"indexUid": "gone"}]}"""));
        Assert.Equal(("index_not_found", 400), (error.Code, error.HttpStatus!.Value));
        Assert.Equal("Inside `.queries[1]`: Index `gone` not found.", error.Message);
    }
}
