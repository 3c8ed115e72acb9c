using Platform.Search.Engine;
using Platform.Search.Meilisearch.Tests.Infrastructure;

namespace Platform.Search.Meilisearch.Tests.Engine;

using IndexInfo = Platform.Search.Engine.IndexInfo;
using IndexSettings = Platform.Search.Engine.IndexSettings;

/// <summary>Index and settings operations: the physical requests, with the admin key, waiting for each task.</summary>
public sealed class IndexContractTests(RecordingMeilisearchFixture fixture) : EngineContractTestBase(fixture)
{
    [Fact]
    public async Task CreateIndex_creates_the_physical_index_makes_tenant_filterable_and_records_the_primary_key()
    {
        Server.Enqueue(
            Enqueued(1, type: "indexCreation"), Succeeded(1),
            Enqueued(2, type: "settingsUpdate"), Succeeded(2),
            Enqueued(3), Succeeded(3));

        var info = await Engine.CreateIndexAsync("products", "id");

        Assert.Equal(new IndexInfo("products", "id"), info);
        var r = Server.Requests;
        Assert.Equal(6, r.Count);
        AssertRequest(r[0], "POST", "/indexes", """{"uid":"platform-products","primaryKey":"_pid"}""");
        AssertRequest(r[1], "GET", "/tasks/1");
        AssertRequest(r[2], "PATCH", "/indexes/platform-products/settings", """{"filterableAttributes":["_tenant"]}""");
        AssertRequest(r[3], "GET", "/tasks/2");
        AssertRequest(r[4], "POST", "/indexes/platform_catalog/documents?primaryKey=uid", """[{"uid":"products","primaryKey":"id"}]""");
        AssertRequest(r[5], "GET", "/tasks/3");
        Assert.All(r, AssertAdmin);
    }

    [Fact]
    public async Task CreateIndex_of_an_existing_index_fails_with_the_logical_uid_and_leaves_its_settings_alone()
    {
        Server.Enqueue(Enqueued(1, type: "indexCreation"), Failed(1, "index_already_exists", "Index `platform-products` already exists."));

        var error = await Assert.ThrowsAsync<SearchEngineException>(() => Engine.CreateIndexAsync("products"));

        Assert.Equal(("index_already_exists", "Index `products` already exists.", 409), (error.Code, error.Message, error.HttpStatus));
        Assert.Equal(2, Server.Requests.Count);
    }

    [Theory]
    [InlineData("bad uid!")]
    [InlineData("")]
    public async Task CreateIndex_refuses_an_invalid_uid_without_calling_Meilisearch(string uid)
    {
        var error = await Assert.ThrowsAsync<SearchEngineException>(() => Engine.CreateIndexAsync(uid));
        Assert.Equal("invalid_index_uid", error.Code);
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task GetIndex_reads_the_physical_index_and_the_logical_primary_key()
    {
        Server.Enqueue(IndexFound(), Meta("sku"));

        Assert.Equal(new IndexInfo("products", "sku"), await Engine.GetIndexAsync("products"));

        AssertRequest(Server.Requests[0], "GET", "/indexes/platform-products");
        AssertRequest(Server.Requests[1], "GET", "/indexes/platform_catalog/documents/products?fields=primaryKey");
    }

    [Fact]
    public async Task GetIndex_without_a_primary_key_yet_reports_null()
    {
        Server.Enqueue(IndexFound(), NoMeta());
        Assert.Null((await Engine.GetIndexAsync("products")).PrimaryKey);
    }

    [Fact]
    public async Task GetIndex_of_a_missing_index_names_the_logical_index()
    {
        Server.Enqueue(IndexMissing());

        var error = await Assert.ThrowsAsync<SearchEngineException>(() => Engine.GetIndexAsync("products"));

        Assert.Equal(("index_not_found", "Index `products` not found.", 404, "invalid_request"), (error.Code, error.Message, error.HttpStatus, error.Type));
    }

    [Fact]
    public async Task DeleteIndex_waits_and_reports_whether_it_existed()
    {
        Server.Enqueue(
            Enqueued(4, type: "indexDeletion"), Succeeded(4), Enqueued(5, "platform_catalog", "documentDeletion"), Succeeded(5),
            Enqueued(6, type: "indexDeletion"), Failed(6, "index_not_found", "Index `platform-products` not found."), Enqueued(7, "platform_catalog", "documentDeletion"), Succeeded(7));

        Assert.True(await Engine.DeleteIndexAsync("products"));
        Assert.False(await Engine.DeleteIndexAsync("products"));

        AssertRequest(Server.Requests[0], "DELETE", "/indexes/platform-products");
        AssertRequest(Server.Requests[1], "GET", "/tasks/4");
        AssertRequest(Server.Requests[2], "DELETE", "/indexes/platform_catalog/documents/products");
        AssertRequest(Server.Requests[3], "GET", "/tasks/5");
    }

    [Fact]
    public async Task GetSettings_hides_the_isolation_attribute()
    {
        Server.Enqueue(
            ScriptedResponse.Ok("""
                {"displayedAttributes":["*"],"searchableAttributes":["name","brand"],"filterableAttributes":["_tenant","category"],
                 "sortableAttributes":["price"],"distinctAttribute":"sku","rankingRules":["words"],"pagination":{"maxTotalHits":1000}}
                """),
            Meta());

        var settings = await Engine.GetSettingsAsync("products");

        Assert.Equal(["category"], settings.FilterableAttributes);
        Assert.Equal(["name", "brand"], settings.SearchableAttributes);
        Assert.Equal(["*"], settings.DisplayedAttributes);
        Assert.Equal(["price"], settings.SortableAttributes);
        Assert.Equal(("sku", "id"), (settings.DistinctAttribute, settings.PrimaryKey));
        AssertRequest(Server.Requests[0], "GET", "/indexes/platform-products/settings");
    }

    [Fact]
    public async Task UpdateSettings_sends_every_setting_with_the_isolation_attribute_filterable()
    {
        Server.Enqueue(IndexFound(), Meta(), Enqueued(9, type: "settingsUpdate"), Succeeded(9));

        var updated = await Engine.UpdateSettingsAsync("products", new IndexSettings
        {
            FilterableAttributes = ["category", "price"],
            SortableAttributes = ["price"],
            SearchableAttributes = ["name"],
        });

        Assert.Equal("id", updated.PrimaryKey);
        AssertRequest(Server.Requests[2], "PATCH", "/indexes/platform-products/settings", """
            {"searchableAttributes":["name"],"displayedAttributes":["*"],"filterableAttributes":["category","price","_tenant"],
             "sortableAttributes":["price"],"distinctAttribute":null}
            """);
        AssertRequest(Server.Requests[3], "GET", "/tasks/9");
    }

    [Fact]
    public async Task An_explicit_displayed_list_also_displays_the_isolation_attribute_and_reads_back_without_it()
    {
        // Otherwise a hidden _tenant would make Meilisearch end every filterable list in an error with <..hidden-attributes>.
        Server.Enqueue(IndexFound(), Meta(), Enqueued(9, type: "settingsUpdate"), Succeeded(9),
            ScriptedResponse.Ok("""
                {"displayedAttributes":["name","price","_tenant"],"searchableAttributes":["*"],"filterableAttributes":["_tenant","price"],
                 "sortableAttributes":[],"distinctAttribute":null}
                """),
            Meta());

        await Engine.UpdateSettingsAsync("products", new IndexSettings { DisplayedAttributes = ["name", "price"], FilterableAttributes = ["price"] });
        var settings = await Engine.GetSettingsAsync("products");

        AssertRequest(Server.Requests[2], "PATCH", "/indexes/platform-products/settings", """
            {"searchableAttributes":["*"],"displayedAttributes":["name","price","_tenant"],"filterableAttributes":["price","_tenant"],
             "sortableAttributes":[],"distinctAttribute":null}
            """);
        Assert.Equal(["name", "price"], settings.DisplayedAttributes);
    }

    [Fact]
    public async Task UpdateSettings_maps_a_failed_task_to_the_same_code_and_message()
    {
        Server.Enqueue(IndexFound(), Meta(), Enqueued(9, type: "settingsUpdate"),
            Failed(9, "invalid_settings_ranking_rules", "Index `platform-products`: Invalid ranking rule."));

        var error = await Assert.ThrowsAsync<SearchEngineException>(() => Engine.UpdateSettingsAsync("products", new IndexSettings()));

        Assert.Equal(("invalid_settings_ranking_rules", "Index `products`: Invalid ranking rule.", 400), (error.Code, error.Message, error.HttpStatus));
    }

    [Theory]
    [InlineData("_tenant")]
    [InlineData("_pid")]
    [InlineData("_tenant.x")]
    public async Task UpdateSettings_refuses_platform_attributes(string attribute)
    {
        var error = await Assert.ThrowsAsync<SearchEngineException>(() => Engine.UpdateSettingsAsync("products", new IndexSettings { FilterableAttributes = [attribute] }));
        Assert.Equal("reserved_attribute", error.Code);
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task UpdateSettings_changes_the_primary_key_only_while_no_tenant_has_documents()
    {
        Server.Enqueue(IndexFound(), Meta("id"), ScriptedResponse.Ok("""{"results":[{"_pid":"61636d65_1"}],"offset":0,"limit":1,"total":3}"""));

        var error = await Assert.ThrowsAsync<SearchEngineException>(() => Engine.UpdateSettingsAsync("products", new IndexSettings { PrimaryKey = "sku" }));

        Assert.Equal(("index_primary_key_already_exists", "Index `products`: Index already has a primary key: `id`."), (error.Code, error.Message));
        AssertRequest(Server.Requests[2], "POST", "/indexes/platform-products/documents/fetch", """{"filter":"_tenant EXISTS","fields":["_pid"],"limit":1}""");
    }
}
