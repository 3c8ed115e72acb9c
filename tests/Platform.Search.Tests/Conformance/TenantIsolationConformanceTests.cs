using System.Text.Json.Nodes;
using Platform.Search.Engine;
using Platform.Search.Filters;
using static Platform.Search.Tests.Conformance.SearchEngineFixture;

namespace Platform.Search.Tests.Conformance;

/// <summary>
/// docs/api-reference.md#isolation: a tenant only ever sees and touches its own documents, whatever it sends. Two tenants share every
/// index and every document id here.
/// </summary>
public abstract class TenantIsolationConformanceTests(SearchEngineFixture fixture)
{
    private ISearchEngine Engine => fixture.Engine;

    private static async Task<SearchEngineException> Fails(Func<Task> action, string code)
    {
        var error = await Assert.ThrowsAsync<SearchEngineException>(action);
        Assert.Equal(code, error.Code);
        return error;
    }

    private static List<string> Titles(SearchResponse r) => r.Hits.Select(h => h["title"]!.GetValue<string>()).ToList();

    private static readonly HashSet<string> GlobexTitles = MovieData.Globex().Select(m => m["title"]!.GetValue<string>()).ToHashSet();

    private static readonly HashSet<string> AcmeTitles = MovieData.Acme().Select(m => m["title"]!.GetValue<string>()).ToHashSet();

    [Fact]
    public async Task Same_document_id_reads_each_tenants_own_document()
    {
        Assert.Equal("The Dark Knight", (await Engine.GetDocumentAsync(Acme, Movies, "1"))["title"]!.GetValue<string>());
        Assert.Equal("Batman Forever", (await Engine.GetDocumentAsync(Globex, Movies, "1"))["title"]!.GetValue<string>());
        await Fails(() => Engine.GetDocumentAsync(Globex, Movies, "eight"), "document_not_found");
        Assert.Equal(3, (await Engine.GetDocumentsAsync(Globex, Movies, new DocumentsQuery { Limit = 100 })).Total);
    }

    public static TheoryData<string, FilterExpression> WideningFilters() => new()
    {
        { "tautology", F.Or(F.Eq("year", "1995"), F.Ne("year", "1995")) },
        { "long or chain", F.Or(F.Exists("title"), F.Not(F.Exists("title")), F.Eq("title", "Batman Forever"), F.IsNull("title"), F.Gt("year", "0")) },
        { "negation of nothing", F.Not(F.Eq("title", "no such title")) },
        { "double negation", F.Not(F.Not(F.Exists("year"))) },
        { "other tenant's values", F.Or(F.Eq("director.name", "Joel Schumacher"), F.Ne("genres", "Fantasy")) },
    };

    [Theory]
    [MemberData(nameof(WideningFilters))]
    public async Task Crafted_filters_never_reach_the_other_tenant(string name, FilterExpression filter)
    {
        Assert.False(string.IsNullOrEmpty(name));
        var response = await Engine.SearchAsync(Acme, Movies, new SearchRequest { Filter = filter, Limit = 100, Facets = ["genres"] });
        Assert.All(Titles(response), t => Assert.Contains(t, AcmeTitles));
        Assert.True(response.EstimatedTotalHits <= 8);
        Assert.DoesNotContain("Fantasy", response.FacetDistribution!["genres"].Keys);
        var page = await Engine.GetDocumentsAsync(Globex, Movies, new DocumentsQuery { Filter = filter, Limit = 100 });
        Assert.All(page.Results, d => Assert.Contains(d["title"]!.GetValue<string>(), GlobexTitles));
    }

    [Theory]
    [InlineData("forever")]
    [InlineData("riddler")]
    [InlineData("\"gotham knights\"")]
    public async Task Words_only_in_the_other_tenant_match_nothing(string q)
    {
        var response = await Engine.SearchAsync(Acme, Movies, new SearchRequest { Q = q, MatchingStrategy = MatchingStrategy.All });
        Assert.Empty(response.Hits);
        Assert.Equal(0, response.EstimatedTotalHits);
    }

    [Fact]
    public async Task Query_hits_and_counts_are_per_tenant()
    {
        var acme = await Engine.SearchAsync(Acme, Movies, new SearchRequest { Q = "batman", HitsPerPage = 10 });
        var globex = await Engine.SearchAsync(Globex, Movies, new SearchRequest { Q = "batman", HitsPerPage = 10 });
        Assert.Equal(["Batman Begins", "The Dark Knight"], Titles(acme));
        Assert.Equal(["Batman Forever", "Batman Returns"], Titles(globex));
        Assert.Equal((2, 2), (acme.TotalHits!.Value, globex.TotalHits!.Value));
    }

    [Fact]
    public async Task Catalogue_counts_facets_and_stats_are_per_tenant()
    {
        foreach (var (scope, products) in new[] { (Acme, fixture.AcmeProducts), (Globex, fixture.GlobexProducts) })
        {
            var response = await Engine.SearchAsync(scope, Products, new SearchRequest { Filter = F.Eq("category", "Audio"), Facets = ["brand.name", "price"], HitsPerPage = 0 });
            var audio = products.Where(p => p["category"]!.GetValue<string>() == "Audio").ToList();
            Assert.Equal(audio.Count, response.TotalHits);
            Assert.Equal(audio.Count, response.FacetDistribution!["brand.name"].Values.Sum());
            Assert.Equal(new FacetStats(audio.Min(p => p.Num("price")), audio.Max(p => p.Num("price"))), response.FacetStats!["price"]);
        }

        var all = await Engine.SearchAsync(Globex, Products, new SearchRequest { HitsPerPage = 0, Facets = ["category"] });
        Assert.Equal(Math.Min(1000, GlobexProductCount), all.TotalHits);
        Assert.Equal(GlobexProductCount, all.FacetDistribution!["category"].Values.Sum());
    }

    [Fact]
    public async Task Hits_never_show_the_tenant_or_internal_ids()
    {
        var response = await Engine.SearchAsync(Acme, Products, new SearchRequest
        {
            Q = "oak", Limit = 50, AttributesToHighlight = ["*"], ShowMatchesPosition = true, AttributesToRetrieve = ["*"],
        });
        Assert.NotEmpty(response.Hits);
        foreach (var hit in response.Hits)
        {
            var json = hit.ToJsonString();
            Assert.DoesNotContain("_tenant", json, StringComparison.Ordinal);
            Assert.DoesNotContain("acme", json, StringComparison.Ordinal);
            Assert.DoesNotContain("\u001f", json, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string, SearchRequest> ReservedRequests() => new()
    {
        { "filter", new SearchRequest { Filter = F.Eq("_tenant", "globex") } },
        { "filter in or chain", new SearchRequest { Filter = F.Or(F.Eq("year", "2008"), F.Eq("_tenant", "globex")) } },
        { "negated filter", new SearchRequest { Filter = F.Not(F.Exists("_tenant")) } },
        { "sort", new SearchRequest { Sort = ["_tenant:asc"] } },
        { "facets", new SearchRequest { Facets = ["_tenant"] } },
        { "attributesToRetrieve", new SearchRequest { AttributesToRetrieve = ["_tenant"] } },
        { "attributesToHighlight", new SearchRequest { AttributesToHighlight = ["_tenant"] } },
        { "distinct", new SearchRequest { Distinct = "_tenant" } },
    };

    [Theory]
    [MemberData(nameof(ReservedRequests))]
    public async Task Naming_the_tenant_attribute_is_refused(string name, SearchRequest request)
    {
        Assert.False(string.IsNullOrEmpty(name));
        var error = await Fails(() => Engine.SearchAsync(Acme, Movies, request), "reserved_attribute");
        Assert.Equal(400, error.HttpStatus);
    }

    [Fact]
    public async Task Documents_carrying_the_tenant_attribute_are_refused()
    {
        var uid = fixture.NewIndexUid("reserved");
        await Fails(() => Engine.AddDocumentsAsync(Acme, uid, [new JsonObject { ["id"] = 1, ["_tenant"] = "globex" }], DocumentWriteMode.AddOrReplace), "reserved_attribute");
        await Fails(() => Engine.GetDocumentsAsync(Acme, Movies, new DocumentsQuery { Fields = ["_tenant"] }), "reserved_attribute");
        await Fails(() => Engine.DeleteDocumentsByFilterAsync(Acme, Movies, F.Eq("_tenant", "acme")), "reserved_attribute");
        await Fails(() => Engine.UpdateSettingsAsync(uid, new IndexSettings { FilterableAttributes = ["_tenant"] }), "reserved_attribute");
    }

    private static JsonObject Doc(string json) => JsonNode.Parse(json)!.AsObject();

    private static List<string> FacetHits(FacetSearchResponse r) => r.FacetHits.Select(h => $"{h.Value}:{h.Count}").ToList();

    [Fact]
    public async Task Facet_search_counts_each_tenants_own_values()
    {
        var acme = await Engine.FacetSearchAsync(Acme, Movies, new FacetSearchRequest { FacetName = "genres" });
        var globex = await Engine.FacetSearchAsync(Globex, Movies, new FacetSearchRequest { FacetName = "genres" });
        Assert.Equal(["Action:5", "Adventure:2", "Comedy:2", "Crime:1", "Drama:3", "Mystery:1", "Romance:1", "Science Fiction:2"], FacetHits(acme));
        Assert.Equal(["Action:3", "Crime:1", "Fantasy:1", "Secret:1"], FacetHits(globex));

        Assert.Equal(["Christopher Nolan:5"], FacetHits(await Engine.FacetSearchAsync(Acme, Movies, new FacetSearchRequest { FacetName = "director.name", FacetQuery = "chris" })));
        Assert.Equal(["Christopher Nolan:1"], FacetHits(await Engine.FacetSearchAsync(Globex, Movies, new FacetSearchRequest { FacetName = "director.name", FacetQuery = "chris" })));
    }

    [Theory]
    [InlineData("genres", "fan")]
    [InlineData("genres", "secret")]
    [InlineData("genres", "fantasi")]
    [InlineData("director.name", "joel")]
    [InlineData("title", "batman forev")]
    public async Task Facet_values_only_in_the_other_tenant_are_never_shown(string facet, string facetQuery)
    {
        var response = await Engine.FacetSearchAsync(Acme, Movies, new FacetSearchRequest { FacetName = facet, FacetQuery = facetQuery });
        Assert.Empty(response.FacetHits);
        Assert.NotEmpty((await Engine.FacetSearchAsync(Globex, Movies, new FacetSearchRequest { FacetName = facet, FacetQuery = facetQuery })).FacetHits);
    }

    [Theory]
    [MemberData(nameof(WideningFilters))]
    public async Task Crafted_filters_never_widen_facet_search(string name, FilterExpression filter)
    {
        Assert.False(string.IsNullOrEmpty(name));
        var response = await Engine.FacetSearchAsync(Acme, Movies, new FacetSearchRequest { FacetName = "genres", Filter = filter, Q = "gotham" });
        Assert.DoesNotContain(response.FacetHits, h => h.Value is "Fantasy" or "Secret");
        Assert.All(response.FacetHits, h => Assert.True(h.Count <= 2));
    }

    [Fact]
    public async Task Facet_search_on_a_shared_index_with_colliding_ids_stays_inside_the_tenant()
    {
        var uid = await SharedIndex();
        Assert.Equal(["acme:5"], FacetHits(await Engine.FacetSearchAsync(Acme, uid, new FacetSearchRequest { FacetName = "owner" })));
        Assert.Equal(["globex:5"], FacetHits(await Engine.FacetSearchAsync(Globex, uid, new FacetSearchRequest { FacetName = "owner", FacetQuery = "glo" })));
        Assert.Empty((await Engine.FacetSearchAsync(Acme, uid, new FacetSearchRequest { FacetName = "owner", FacetQuery = "glob" })).FacetHits);
    }

    [Fact]
    public async Task Facet_values_are_spelled_as_the_tenants_own_documents_spell_them()
    {
        // Globex writes first, so its documents hold the lowest ids for values both tenants have.
        var uid = fixture.NewIndexUid("spell");
        await Engine.CreateIndexAsync(uid, "id");
        await Engine.UpdateSettingsAsync(uid, new IndexSettings { PrimaryKey = "id", FilterableAttributes = ["color"] });
        await Engine.AddDocumentsAsync(Globex, uid, [Doc("""{"id":1,"color":"ROSÉ"}"""), Doc("""{"id":2,"color":"Blue"}""")], DocumentWriteMode.AddOrReplace);
        await Engine.AddDocumentsAsync(Acme, uid, [Doc("""{"id":1,"color":"rosé"}"""), Doc("""{"id":2,"color":"blue"}"""), Doc("""{"id":3,"color":"rosé"}""")], DocumentWriteMode.AddOrReplace);

        Assert.Equal(["blue:1", "rosé:2"], FacetHits(await Engine.FacetSearchAsync(Acme, uid, new FacetSearchRequest { FacetName = "color" })).Order(StringComparer.Ordinal));
        Assert.Equal(["Blue:1", "ROSÉ:1"], FacetHits(await Engine.FacetSearchAsync(Globex, uid, new FacetSearchRequest { FacetName = "color" })).Order(StringComparer.Ordinal));
        var distribution = (await Engine.SearchAsync(Acme, uid, new SearchRequest { Facets = ["color"] })).FacetDistribution!["color"];
        Assert.Equal(["blue:1", "rosé:2"], distribution.Select(v => $"{v.Key}:{v.Value}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Facet_search_on_the_tenant_attribute_is_refused()
    {
        var error = await Fails(() => Engine.FacetSearchAsync(Acme, Movies, new FacetSearchRequest { FacetName = "_tenant" }), "reserved_attribute");
        Assert.Equal(400, error.HttpStatus);
        await Fails(() => Engine.FacetSearchAsync(Acme, Movies, new FacetSearchRequest { FacetName = "_tenant", FacetQuery = "glo" }), "reserved_attribute");
        await Fails(() => Engine.FacetSearchAsync(Acme, Movies, new FacetSearchRequest { FacetName = "genres", Filter = F.Eq("_tenant", "globex") }), "reserved_attribute");
    }

    private async Task<string> SharedIndex()
    {
        var uid = fixture.NewIndexUid("iso");
        await Engine.CreateIndexAsync(uid, "id");
        await Engine.UpdateSettingsAsync(uid, new IndexSettings { PrimaryKey = "id", FilterableAttributes = ["n", "owner"] });
        JsonObject[] Docs(string owner) => Enumerable.Range(1, 5).Select(i => new JsonObject { ["id"] = i, ["n"] = i, ["owner"] = owner }).ToArray();
        await Engine.AddDocumentsAsync(Acme, uid, Docs("acme"), DocumentWriteMode.AddOrReplace);
        await Engine.AddDocumentsAsync(Globex, uid, Docs("globex"), DocumentWriteMode.AddOrReplace);
        return uid;
    }

    private async Task<List<string>> Owners(TenantScope scope, string uid) =>
        (await Engine.GetDocumentsAsync(scope, uid, new DocumentsQuery { Limit = 100 })).Results.Select(d => $"{d["owner"]}:{d["id"]}").ToList();

    [Fact]
    public async Task Deletes_by_id_filter_and_all_stay_inside_the_tenant()
    {
        var uid = await SharedIndex();
        Assert.Equal(new DocumentDeletionResult(2, 2), await Engine.DeleteDocumentsAsync(Acme, uid, ["1", "2"]));
        Assert.Equal(new DocumentDeletionResult(0, 2), await Engine.DeleteDocumentsByFilterAsync(Acme, uid, F.Or(F.Gt("n", "3"), F.Eq("owner", "globex"))));
        Assert.Equal(["acme:3"], await Owners(Acme, uid));
        Assert.Equal(5, (await Owners(Globex, uid)).Count);
        Assert.Equal(new DocumentDeletionResult(0, 1), await Engine.DeleteAllDocumentsAsync(Acme, uid));
        Assert.Equal(["globex:1", "globex:2", "globex:3", "globex:4", "globex:5"], await Owners(Globex, uid));
    }

    [Fact]
    public async Task Update_never_merges_another_tenants_document()
    {
        var uid = await SharedIndex();
        await Engine.DeleteDocumentsAsync(Acme, uid, ["5"]);
        await Engine.AddDocumentsAsync(Acme, uid, [new JsonObject { ["id"] = 5, ["x"] = 1 }], DocumentWriteMode.AddOrUpdate);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"id":5,"x":1}"""), await Engine.GetDocumentAsync(Acme, uid, "5")));
        Assert.Equal("globex", (await Engine.GetDocumentAsync(Globex, uid, "5"))["owner"]!.GetValue<string>());
    }
}
