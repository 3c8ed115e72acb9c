using System.Text.Json.Nodes;
using Platform.Search.Engine;
using Platform.Search.Meilisearch.Tests.Infrastructure;

namespace Platform.Search.Meilisearch.Tests.Engine;

/// <summary>A logical index configured as dedicated: one physical index per tenant, created on its first write.</summary>
public sealed class DedicatedLayoutContractTests(RecordingMeilisearchFixture fixture) : EngineContractTestBase(fixture)
{
    private const string TenantIndex = "platform-orders--" + AcmeTag;

    protected override void Configure(MeilisearchOptions options) => options.DedicatedIndexes = ["orders"];

    [Fact]
    public async Task First_write_creates_the_tenants_index_with_the_definitions_settings()
    {
        Server.Enqueue(
            Meta(),
            IndexMissing(TenantIndex),
            ScriptedResponse.Ok("""{"displayedAttributes":["*"],"searchableAttributes":["title"],"filterableAttributes":["_tenant","status"],"sortableAttributes":[],"distinctAttribute":null}"""),
            Enqueued(1, TenantIndex, "indexCreation"), Succeeded(1),
            Enqueued(2, TenantIndex, "settingsUpdate"), Succeeded(2),
            Enqueued(3, TenantIndex, "settingsUpdate"), Succeeded(3),
            Enqueued(4, TenantIndex), Succeeded(4, """{"receivedDocuments":1,"indexedDocuments":1}"""));

        await Engine.AddDocumentsAsync(Acme, "orders", [new JsonObject { ["id"] = 1, ["status"] = "open" }], DocumentWriteMode.AddOrReplace);

        var r = Server.Requests;
        Assert.Equal(11, r.Count);
        AssertRequest(r[0], "GET", "/indexes/platform_catalog/documents/orders?fields=primaryKey");
        AssertRequest(r[1], "GET", "/indexes/" + TenantIndex);
        AssertRequest(r[2], "GET", "/indexes/platform-orders/settings");
        AssertRequest(r[3], "POST", "/indexes", $$"""{"uid":"{{TenantIndex}}","primaryKey":"_pid"}""");
        AssertRequest(r[7], "PATCH", $"/indexes/{TenantIndex}/settings", """
            {"searchableAttributes":["title"],"displayedAttributes":["*"],"filterableAttributes":["status","_tenant"],"sortableAttributes":[],"distinctAttribute":null}
            """);
        AssertRequest(r[9], "POST", $"/indexes/{TenantIndex}/documents?primaryKey=_pid", $$"""[{"id":1,"status":"open","_tenant":"acme","_pid":"{{AcmeTag}}_1"}]""");
    }

    [Fact]
    public async Task Searching_before_the_first_write_answers_empty_while_the_index_exists()
    {
        Server.Enqueue(SearchKey(), IndexMissing(TenantIndex), IndexFound("platform-orders"));

        var response = await Engine.SearchAsync(Acme, "orders", new SearchRequest { HitsPerPage = 10, Facets = ["status"] });

        Assert.Empty(response.Hits);
        Assert.Equal((0, 1, 10), (response.TotalHits, response.Page, response.HitsPerPage));
        Assert.Empty(response.FacetDistribution!);
        AssertRequest(Server.Requests[1], "POST", $"/indexes/{TenantIndex}/search");
        AssertJson.Equal("""{"platform-*":{"filter":["_tenant = \"acme\""]}}""", TokenClaims(Server.Requests[1])["searchRules"]!.ToJsonString());
    }

    [Fact]
    public async Task Searching_a_dedicated_index_that_does_not_exist_is_index_not_found()
    {
        Server.Enqueue(SearchKey(), IndexMissing(TenantIndex), IndexMissing("platform-orders"));

        var error = await Assert.ThrowsAsync<SearchEngineException>(() => Engine.SearchAsync(Acme, "orders", new SearchRequest()));

        Assert.Equal(("index_not_found", "Index `orders` not found."), (error.Code, error.Message));
    }

    [Fact]
    public async Task Facet_search_before_the_first_write_answers_empty_while_the_index_exists()
    {
        Server.Enqueue(SearchKey(), IndexMissing(TenantIndex), IndexFound("platform-orders"));

        var response = await Engine.FacetSearchAsync(Acme, "orders", new FacetSearchRequest { FacetName = "status", FacetQuery = "op" });

        Assert.Empty(response.FacetHits);
        Assert.Equal("op", response.FacetQuery);
        var r = Server.Requests;
        Assert.Equal(3, r.Count);
        AssertRequest(r[1], "POST", $"/indexes/{TenantIndex}/facet-search", """{"facetName":"status","facetQuery":"op","filter":"_tenant = \"acme\""}""");
        AssertJson.Equal("""{"platform-*":{"filter":["_tenant = \"acme\""]}}""", TokenClaims(r[1])["searchRules"]!.ToJsonString());
        AssertRequest(r[2], "GET", "/indexes/platform-orders");
        AssertAdmin(r[2]);
    }

    [Fact]
    public async Task Facet_hits_from_the_tenants_own_index_are_kept_as_Meilisearch_spells_them()
    {
        // Only the tenant's documents are in its index, so the spelling Meilisearch picks is the tenant's own.
        Server.Enqueue(SearchKey(), ScriptedResponse.Ok("""{"facetHits":[{"value":"Open","count":2}],"facetQuery":null,"processingTimeMs":0}"""));

        var response = await Engine.FacetSearchAsync(Acme, "orders", new FacetSearchRequest { FacetName = "status" });

        Assert.Equal([new FacetHit("Open", 2)], response.FacetHits);
        Assert.Equal(2, Server.Requests.Count);
    }

    [Fact]
    public async Task Facet_search_on_a_dedicated_index_that_does_not_exist_is_index_not_found()
    {
        Server.Enqueue(SearchKey(), IndexMissing(TenantIndex), IndexMissing("platform-orders"));

        var error = await Assert.ThrowsAsync<SearchEngineException>(() =>
            Engine.FacetSearchAsync(Acme, "orders", new FacetSearchRequest { FacetName = "status" }));

        Assert.Equal(("index_not_found", "Index `orders` not found.", 404), (error.Code, error.Message, error.HttpStatus));
    }

    [Fact]
    public async Task Deleting_the_index_deletes_every_tenants_index()
    {
        Server.Enqueue(
            ScriptedResponse.Ok($$"""
                {"results":[{"uid":"platform-orders","primaryKey":"_pid","createdAt":"2026-07-01T12:00:00Z","updatedAt":"2026-07-01T12:00:00Z"},
                            {"uid":"{{TenantIndex}}","primaryKey":"_pid","createdAt":"2026-07-01T12:00:00Z","updatedAt":"2026-07-01T12:00:00Z"},
                            {"uid":"platform-orders-archive","primaryKey":"_pid","createdAt":"2026-07-01T12:00:00Z","updatedAt":"2026-07-01T12:00:00Z"}],
                 "offset":0,"limit":100,"total":3}
                """),
            Enqueued(1, TenantIndex, "indexDeletion"), Succeeded(1),
            Enqueued(2, "platform-orders", "indexDeletion"), Succeeded(2),
            Enqueued(3, "platform_catalog", "documentDeletion"), Succeeded(3));

        Assert.True(await Engine.DeleteIndexAsync("orders"));

        var r = Server.Requests;
        AssertRequest(r[0], "GET", "/indexes?offset=0&limit=100");
        AssertRequest(r[1], "DELETE", "/indexes/" + TenantIndex);
        AssertRequest(r[3], "DELETE", "/indexes/platform-orders");
        AssertRequest(r[5], "DELETE", "/indexes/platform_catalog/documents/orders");
    }
}
