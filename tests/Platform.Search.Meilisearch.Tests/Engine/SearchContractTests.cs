using System.Text.Json.Nodes;
using Platform.Search.Engine;
using Platform.Search.Filters;
using Platform.Search.Meilisearch.Tests.Infrastructure;

namespace Platform.Search.Meilisearch.Tests.Engine;

/// <summary>Searches: the body sent, the backend tenant token that authorizes it, and the answer mapped back.</summary>
public sealed class EngineSearchContractTests(RecordingMeilisearchFixture fixture) : EngineContractTestBase(fixture)
{
    [Fact]
    public async Task First_search_finds_the_search_key_then_searches_with_a_tenant_token()
    {
        Server.Enqueue(SearchKey(), SearchAnswer());

        await Engine.SearchAsync(Acme, "products", new SearchRequest { Q = "kettle" });

        var r = Server.Requests;
        Assert.Equal(2, r.Count);
        AssertRequest(r[0], "GET", $"/keys/{SearchKeyUid}");
        AssertAdmin(r[0]);
        AssertRequest(r[1], "POST", "/indexes/platform-products/search", """{"q":"kettle","filter":"_tenant = \"acme\"","limit":20,"offset":0}""");
        var claims = TokenClaims(r[1]);
        AssertJson.Equal("""{"platform-*":{"filter":["_tenant = \"acme\""]}}""", claims["searchRules"]!.ToJsonString());
        Assert.Equal(SearchKeyUid.ToString(), claims["apiKeyUid"]!.GetValue<string>());
        Assert.Equal(Time.GetUtcNow().AddMinutes(10).ToUnixTimeSeconds(), claims["exp"]!.GetValue<long>());
    }

    [Fact]
    public async Task Facet_search_uses_the_tenant_token_and_maps_the_answer()
    {
        Server.Enqueue(SearchKey(), ScriptedResponse.Ok("""{"facetHits":[{"value":"red","count":3}],"facetQuery":"re","processingTimeMs":1}"""),
            SearchAnswer("""[{"color":"red"}]"""));

        var answer = await Engine.FacetSearchAsync(Acme, "products", new FacetSearchRequest
        {
            FacetName = "color",
            FacetQuery = "re",
            Filter = FilterParser.Parse("price > 10"),
        });

        var r = Server.Requests;
        AssertRequest(r[1], "POST", "/indexes/platform-products/facet-search", """{"facetName":"color","facetQuery":"re","filter":["price > 10","_tenant = \"acme\""]}""");
        Assert.NotEqual("Bearer " + TestClient.AdminKey, r[1].Authorization);
        AssertJson.Equal("""{"platform-*":{"filter":["_tenant = \"acme\""]}}""", TokenClaims(r[1])["searchRules"]!.ToJsonString());
        Assert.Equal([new FacetHit("red", 3)], answer.FacetHits);
        Assert.Equal("re", answer.FacetQuery);
        Assert.Equal(BearerOf(r[1]), BearerOf(r[2])); // the spelling lookup runs with the same backend token
        var refused = await Assert.ThrowsAsync<SearchEngineException>(() =>
            Engine.FacetSearchAsync(Acme, "products", new FacetSearchRequest { FacetName = "_tenant" }));
        Assert.Equal("reserved_attribute", refused.Code);
    }

    [Fact]
    public async Task A_missing_search_key_is_created_search_only_on_the_prefix()
    {
        Server.Enqueue(Error(404, "api_key_not_found", $"API key `{SearchKeyUid}` not found."), ScriptedResponse.Json(201, SearchKey().Body!), SearchAnswer());

        await Engine.SearchAsync(Acme, "products", new SearchRequest());

        AssertRequest(Server.Requests[1], "POST", "/keys", $$"""
            {"actions":["search"],"indexes":["platform-*"],"expiresAt":null,"name":"Platform backend search",
             "description":"Signs the platform's backend tenant tokens. Managed by the platform; do not edit.","uid":"{{SearchKeyUid}}"}
            """);
        AssertAdmin(Server.Requests[1]);
        TokenClaims(Server.Requests[2]);
    }

    [Fact]
    public async Task A_key_with_more_rights_than_search_is_refused()
    {
        Server.Enqueue(SearchKey(pattern: "*"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Engine.SearchAsync(Acme, "products", new SearchRequest()));
        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task The_credential_the_caller_cached_is_sent_as_is_and_none_is_kept_by_the_engine()
    {
        Server.Enqueue(SearchKey(), SearchAnswer(), SearchAnswer(), SearchAnswer(), ScriptedResponse.Ok("""{"facetHits":[],"facetQuery":null,"processingTimeMs":0}"""));

        var issued = await Engine.IssueAsync(Acme);
        Time.Advance(TimeSpan.FromMinutes(1)); // tokens minted from now on differ from it (their exp is later)
        await Engine.SearchAsync(Acme with { Credential = issued }, "products", new SearchRequest());
        await Engine.SearchAsync(Acme, "products", new SearchRequest());
        Time.Advance(TimeSpan.FromMinutes(1));
        await Engine.SearchAsync(Acme, "products", new SearchRequest());
        await Engine.FacetSearchAsync(Acme with { Credential = issued }, "products", new FacetSearchRequest { FacetName = "color" });

        var searches = Server.Requests.Skip(1).ToList();
        Assert.Equal(issued.Value, BearerOf(searches[0]));
        Assert.Equal(issued.Value, BearerOf(searches[3]));
        Assert.NotEqual(issued.Value, BearerOf(searches[1]));
        Assert.NotEqual(BearerOf(searches[1]), BearerOf(searches[2])); // no credential: a fresh token each time
        Assert.Equal(Time.GetUtcNow().AddMinutes(6), issued.RefreshAt);
        Assert.Single(Server.Requests, r => r.Path.StartsWith("/keys", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_tenants_credential_is_never_sent()
    {
        Server.Enqueue(SearchKey(), SearchAnswer());

        var globex = await Engine.IssueAsync(Globex);
        await Engine.SearchAsync(Acme with { Credential = globex }, "products", new SearchRequest());

        var sent = Server.Requests[1];
        Assert.NotEqual(globex.Value, BearerOf(sent));
        AssertJson.Equal("""{"platform-*":{"filter":["_tenant = \"acme\""]}}""", TokenClaims(sent)["searchRules"]!.ToJsonString());
    }

    [Fact]
    public async Task Different_tenants_get_different_tokens_with_their_own_filter()
    {
        Server.Enqueue(SearchKey(), SearchAnswer(), SearchAnswer());

        await Engine.SearchAsync(Acme, "products", new SearchRequest());
        await Engine.SearchAsync(Globex, "products", new SearchRequest());

        var acme = Server.Requests[1];
        var globex = Server.Requests[2];
        Assert.NotEqual(BearerOf(acme), BearerOf(globex));
        AssertJson.Equal("""{"platform-*":{"filter":["_tenant = \"globex\""]}}""", TokenClaims(globex)["searchRules"]!.ToJsonString());
    }

    [Fact]
    public async Task No_search_ever_carries_the_admin_key()
    {
        Server.Enqueue(
            SearchKey(), SearchAnswer(),
            Meta(), Enqueued(7), Succeeded(7, """{"receivedDocuments":1,"indexedDocuments":1}"""),
            SearchAnswer(), SearchAnswer());

        await Engine.SearchAsync(Acme, "products", new SearchRequest { Q = "a" });
        await Engine.AddDocumentsAsync(Acme, "products", [new JsonObject { ["id"] = 1 }], DocumentWriteMode.AddOrReplace);
        await Engine.SearchAsync(Globex, "products", new SearchRequest { Q = "b" });
        await Engine.SearchAsync(Acme, "products", new SearchRequest { Facets = ["*"] });

        var searches = Server.Requests.Where(r => r.Path.EndsWith("/search", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, searches.Count);
        Assert.All(searches, s =>
        {
            Assert.DoesNotContain(TestClient.AdminKey, s.Authorization!, StringComparison.Ordinal);
            Assert.NotNull(TokenClaims(s)["searchRules"]);
        });
        Assert.All(Server.Requests.Except(searches), AssertAdmin);
    }

    [Fact]
    public async Task Request_parameters_are_sent_in_Meilisearchs_shape()
    {
        Server.Enqueue(SearchKey(), SearchAnswer());

        await Engine.SearchAsync(Acme, "products", new SearchRequest
        {
            Q = "oak lamp",
            Filter = new AndFilter([new ComparisonFilter("price", ComparisonOperator.LowerThan, "100"), new InFilter("category", ["Garden", "Office"])]),
            Sort = ["price:asc"],
            Page = 2,
            HitsPerPage = 5,
            Facets = ["category"],
            AttributesToRetrieve = ["name", "price"],
            AttributesToHighlight = ["name"],
            HighlightPreTag = "[",
            HighlightPostTag = "]",
            AttributesToCrop = ["description:5"],
            CropLength = 4,
            CropMarker = "...",
            ShowMatchesPosition = true,
            MatchingStrategy = MatchingStrategy.All,
            ShowRankingScore = true,
            RankingScoreThreshold = 0.5,
            Distinct = "sku",
            AttributesToSearchOn = ["name"],
        });

        AssertJson.Equal("""
            {"q":"oak lamp","filter":["price < 100","category IN [Garden, Office]","_tenant = \"acme\""],"sort":["price:asc"],"page":2,"hitsPerPage":5,
             "facets":["category"],"attributesToRetrieve":["name","price"],"attributesToHighlight":["name"],
             "highlightPreTag":"[","highlightPostTag":"]","attributesToCrop":["description:5"],"cropLength":4,"cropMarker":"...",
             "showMatchesPosition":true,"matchingStrategy":"all","showRankingScore":true,"rankingScoreThreshold":0.5,
             "distinct":"sku","attributesToSearchOn":["name"]}
            """, Server.Requests[1].Body);
    }

    [Fact]
    public async Task The_answer_loses_platform_attributes_in_hits_formatting_positions_and_facets()
    {
        Server.Enqueue(SearchKey(), ScriptedResponse.Ok($$$"""
            {"hits":[{"id":1,"name":"Oak Lamp","_tenant":"acme","_pid":"{{{AcmeTag}}}_1",
                      "_formatted":{"id":"1","name":"<em>Oak</em> Lamp","_tenant":"acme","_pid":"{{{AcmeTag}}}_1"},
                      "_matchesPosition":{"name":[{"start":0,"length":3}],"_tenant":[{"start":0,"length":4}]},
                      "_rankingScore":0.9}],
             "query":"oak","processingTimeMs":3,"hitsPerPage":20,"page":1,"totalPages":1,"totalHits":1,
             "facetDistribution":{"_tenant":{"acme":1},"category":{"Lighting":1}},
             "facetStats":{"price":{"min":10.5,"max":10.5} } }
            """), SearchAnswer("""[{"category":"Lighting"}]"""));

        var response = await Engine.SearchAsync(Acme, "products", new SearchRequest { Q = "oak", HitsPerPage = 20, Facets = ["*"] });

        AssertJson.Equal("""{"id":1,"name":"Oak Lamp","_formatted":{"id":"1","name":"<em>Oak</em> Lamp"},"_matchesPosition":{"name":[{"start":0,"length":3}]},"_rankingScore":0.9}""",
            response.Hits.Single().ToJsonString());
        Assert.Equal(("oak", 3L, 20, 1, 1, 1), (response.Query, response.ProcessingTimeMs, response.HitsPerPage!.Value, response.Page!.Value, response.TotalPages!.Value, response.TotalHits!.Value));
        Assert.Null(response.EstimatedTotalHits);
        Assert.Equal(["category"], response.FacetDistribution!.Keys);
        Assert.Equal(new FacetStats(10.5, 10.5), response.FacetStats!["price"]);
    }

    [Fact]
    public async Task A_shared_index_facet_distribution_is_spelled_as_in_the_tenants_own_documents()
    {
        // Past Meilisearch's linear-scan threshold, or sorted by count, a value is spelled as any document holding it.
        Server.Enqueue(SearchKey(), SearchAnswer(extra: ""","facetDistribution":{"color":{"ROSÉ":7,"Blue":3},"year":{"1999":2,"2001":1}}"""),
            SearchAnswer("""[{"color":"rosé"},{"color":"Blue"}]"""));

        var response = await Engine.SearchAsync(Acme, "products", new SearchRequest { Facets = ["color", "year"] });

        Assert.Equal(["rosé", "Blue"], response.FacetDistribution!["color"].Keys);
        Assert.Equal([7, 3], response.FacetDistribution["color"].Values);
        Assert.Equal(["1999", "2001"], response.FacetDistribution["year"].Keys); // numbers have no spelling: no lookup
        Assert.Equal(3, Server.Requests.Count);
        AssertRequest(Server.Requests[2], "POST", "/indexes/platform-products/search",
            """{"filter":["color IN [ROSÉ, Blue]","_tenant = \"acme\""],"attributesToRetrieve":["color"],"limit":20}""");
        Assert.Equal(BearerOf(Server.Requests[1]), BearerOf(Server.Requests[2]));
    }

    public static TheoryData<string, SearchRequest> Reserved() => new()
    {
        { "filter", new SearchRequest { Filter = new ComparisonFilter("_tenant", ComparisonOperator.Equal, "globex") } },
        { "pid filter", new SearchRequest { Filter = new PresenceFilter("_pid", PresenceOperator.Exists) } },
        { "sort", new SearchRequest { Sort = ["_tenant:asc"] } },
        { "facets", new SearchRequest { Facets = ["_tenant"] } },
        { "retrieve", new SearchRequest { AttributesToRetrieve = ["_pid"] } },
        { "crop", new SearchRequest { AttributesToCrop = ["_tenant:3"] } },
        { "distinct", new SearchRequest { Distinct = "_tenant" } },
        { "search on", new SearchRequest { AttributesToSearchOn = ["_tenant"] } },
    };

    [Theory]
    [MemberData(nameof(Reserved))]
    public async Task Naming_a_platform_attribute_is_refused_before_anything_is_sent(string name, SearchRequest request)
    {
        Assert.NotEmpty(name);
        var error = await Assert.ThrowsAsync<SearchEngineException>(() => Engine.SearchAsync(Acme, "products", request));
        Assert.Equal(("reserved_attribute", 400), (error.Code, error.HttpStatus));
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task Errors_keep_code_status_and_type_and_speak_of_the_logical_index()
    {
        Server.Enqueue(SearchKey(),
            Error(400, "invalid_search_filter", "Index `platform-products`: Attribute `overview` is not filterable. Available filterable attribute patterns are: `_tenant`."),
            IndexMissing());

        var filter = await Assert.ThrowsAsync<SearchEngineException>(() => Engine.SearchAsync(Acme, "products", new SearchRequest { Filter = new ComparisonFilter("overview", ComparisonOperator.Equal, "x") }));
        var missing = await Assert.ThrowsAsync<SearchEngineException>(() => Engine.SearchAsync(Acme, "products", new SearchRequest()));

        Assert.Equal(("invalid_search_filter", 400, "invalid_request"), (filter.Code, filter.HttpStatus, filter.Type));
        Assert.Equal("Index `products`: Attribute `overview` is not filterable. This index does not have configured filterable attributes.", filter.Message);
        Assert.Equal(("index_not_found", "Index `products` not found.", 404), (missing.Code, missing.Message, missing.HttpStatus));
    }

    [Fact]
    public async Task Meilisearch_down_is_service_unavailable_until_it_is_back()
    {
        Server.Enqueue(SearchKey(), SearchAnswer());
        await Engine.SearchAsync(Acme, "products", new SearchRequest());

        await Server.StopAsync();
        try
        {
            var error = await Assert.ThrowsAsync<SearchEngineException>(() => Engine.SearchAsync(Acme, "products", new SearchRequest()));
            Assert.Equal(("service_unavailable", 503, "system"), (error.Code, error.HttpStatus, error.Type));
            var write = await Assert.ThrowsAsync<SearchEngineException>(() => Engine.DeleteAllDocumentsAsync(Acme, "products"));
            Assert.Equal("service_unavailable", write.Code);
        }
        finally
        {
            await Server.RestartAsync();
        }

        Server.Enqueue(SearchAnswer());
        var response = await Engine.SearchAsync(Acme, "products", new SearchRequest());
        Assert.Empty(response.Hits);
    }

    [Fact]
    public async Task Meilisearch_overloaded_is_service_unavailable()
    {
        Server.Enqueue(SearchKey());
        for (var i = 0; i < 4; i++)
        {
            Server.Enqueue(MeilisearchExamples.TooManySearchRequests());
        }

        var error = await Assert.ThrowsAsync<SearchEngineException>(() => Engine.SearchAsync(Acme, "products", new SearchRequest()));

        Assert.Equal(("service_unavailable", 503), (error.Code, error.HttpStatus));
    }

    [Fact]
    public async Task A_refused_token_finds_the_search_key_again_retries_once_and_starts_a_new_generation()
    {
        Server.Enqueue(SearchKey(), Error(403, "invalid_api_key", "The provided API key is invalid.", "auth"), SearchKey(), SearchAnswer());
        var cached = await Engine.IssueAsync(Acme);
        Time.Advance(TimeSpan.FromMinutes(1));

        var response = await Engine.SearchAsync(Acme with { Credential = cached }, "products", new SearchRequest());

        Assert.Empty(response.Hits);
        var r = Server.Requests;
        Assert.Equal(["GET /keys", "POST /indexes", "GET /keys", "POST /indexes"], r.Select(x => x.Method + " /" + x.Path.Split('/')[1]));
        Assert.Equal(cached.Value, BearerOf(r[1]));
        Assert.NotEqual(cached.Value, BearerOf(r[3]));
        TokenClaims(r[3]);
        Assert.False(cached.IsFresh(Engine.Generation, Time.GetUtcNow()));
    }

    [Fact]
    public async Task A_refused_token_on_facet_search_is_retried_once_with_the_key_found_again()
    {
        Server.Enqueue(SearchKey(), Error(403, "invalid_api_key", "The provided API key is invalid.", "auth"), SearchKey(),
            ScriptedResponse.Ok("""{"facetHits":[{"value":"red","count":2}],"facetQuery":null,"processingTimeMs":0}"""),
            SearchAnswer("""[{"color":"red"}]"""));
        var cached = await Engine.IssueAsync(Acme);
        Time.Advance(TimeSpan.FromMinutes(1));

        var answer = await Engine.FacetSearchAsync(Acme with { Credential = cached }, "products", new FacetSearchRequest { FacetName = "color" });

        Assert.Equal("red", Assert.Single(answer.FacetHits).Value);
        var r = Server.Requests;
        Assert.Equal(["GET /keys", "POST /indexes", "GET /keys", "POST /indexes", "POST /indexes"], r.Select(x => x.Method + " /" + x.Path.Split('/')[1]));
        Assert.Equal(cached.Value, BearerOf(r[1]));
        Assert.NotEqual(cached.Value, BearerOf(r[3]));
        Assert.Equal(BearerOf(r[3]), BearerOf(r[4]));
        Assert.False(cached.IsFresh(Engine.Generation, Time.GetUtcNow()));
    }

    [Fact]
    public async Task Facet_hits_from_a_shared_index_are_spelled_as_in_the_tenants_own_documents()
    {
        // Meilisearch spells a value as the index's lowest document holding it, which may be another tenant's.
        Server.Enqueue(SearchKey(),
            ScriptedResponse.Ok("""{"facetHits":[{"value":"ROSÉ","count":2},{"value":"Blue","count":1},{"value":"Green","count":4}],"facetQuery":null,"processingTimeMs":0}"""),
            SearchAnswer("""[{"color":"rosé"},{"color":["blue ","Teal"]}]"""),
            SearchAnswer("[]"));

        var answer = await Engine.FacetSearchAsync(Acme, "products", new FacetSearchRequest { FacetName = "color" });

        // Green is looked up once more, in vain: its normalised form, never another tenant's spelling.
        Assert.Equal([new FacetHit("rosé", 2), new FacetHit("blue ", 1), new FacetHit("green", 4)], answer.FacetHits);
        var lookup = Server.Requests[2];
        AssertRequest(lookup, "POST", "/indexes/platform-products/search",
            """{"filter":["color IN [ROSÉ, Blue, Green]","_tenant = \"acme\""],"attributesToRetrieve":["color"],"limit":30}""");
        Assert.Equal(BearerOf(Server.Requests[1]), BearerOf(lookup));
        AssertJson.Equal("""{"platform-*":{"filter":["_tenant = \"acme\""]}}""", TokenClaims(lookup)["searchRules"]!.ToJsonString());
        AssertRequest(Server.Requests[3], "POST", "/indexes/platform-products/search",
            """{"filter":["color IN [Green]","_tenant = \"acme\""],"attributesToRetrieve":["color"],"limit":10}""");
        Assert.Equal(4, Server.Requests.Count);
    }

    [Fact]
    public async Task Values_the_first_lookup_did_not_reach_are_looked_up_again()
    {
        // The first lookup's hits end before ["Blue","Teal"], the only document holding Teal.
        Server.Enqueue(SearchKey(),
            ScriptedResponse.Ok("""{"facetHits":[{"value":"RED","count":1},{"value":"blue","count":2},{"value":"TEAL","count":1}],"facetQuery":null,"processingTimeMs":0}"""),
            SearchAnswer("""[{"tags":["Red","Blue"]}]"""),
            SearchAnswer("""[{"tags":["Blue","Teal"]}]"""));

        var answer = await Engine.FacetSearchAsync(Acme, "products", new FacetSearchRequest { FacetName = "tags" });

        Assert.Equal(["Red", "Blue", "Teal"], answer.FacetHits.Select(h => h.Value));
        AssertRequest(Server.Requests[3], "POST", "/indexes/platform-products/search",
            """{"filter":["tags IN [TEAL]","_tenant = \"acme\""],"attributesToRetrieve":["tags"],"limit":10}""");
        Assert.Equal(4, Server.Requests.Count);
    }

    [Fact]
    public async Task An_attribute_that_is_not_displayed_costs_one_lookup_and_reads_normalised()
    {
        Server.Enqueue(SearchKey(),
            ScriptedResponse.Ok("""{"facetHits":[{"value":"ROSÉ","count":2}],"facetQuery":null,"processingTimeMs":0}"""),
            SearchAnswer("""[{}]"""));

        var answer = await Engine.FacetSearchAsync(Acme, "products", new FacetSearchRequest { FacetName = "color" });

        Assert.Equal("rosé", Assert.Single(answer.FacetHits).Value);
        Assert.Equal(3, Server.Requests.Count);
    }

    [Fact]
    public async Task No_hits_need_no_spelling_lookup()
    {
        Server.Enqueue(SearchKey(), ScriptedResponse.Ok("""{"facetHits":[],"facetQuery":"zz","processingTimeMs":0}"""));

        var answer = await Engine.FacetSearchAsync(Acme, "products", new FacetSearchRequest { FacetName = "color", FacetQuery = "zz" });

        Assert.Empty(answer.FacetHits);
        Assert.Equal(2, Server.Requests.Count);
    }

    [Fact]
    public async Task A_refusal_of_the_platforms_own_credentials_is_an_internal_error()
    {
        Server.Enqueue(SearchKey(), Error(403, "invalid_api_key", "The provided API key is invalid.", "auth"), SearchKey(), Error(403, "invalid_api_key", "The provided API key is invalid.", "auth"));

        var search = await Assert.ThrowsAsync<SearchEngineException>(() => Engine.SearchAsync(Acme, "products", new SearchRequest()));

        Server.Enqueue(Error(403, "invalid_api_key", "The provided API key is invalid.", "auth"));
        var admin = await Assert.ThrowsAsync<SearchEngineException>(() => Engine.GetIndexAsync("products"));

        Assert.All([search, admin], e => Assert.Equal(("internal", 500, "internal"), (e.Code, e.HttpStatus, e.Type)));
        Assert.DoesNotContain("API key", admin.Message, StringComparison.Ordinal);
    }
}
