using System.Text.Json.Nodes;
using Platform.Search.Engine;
using Platform.Search.Filters;
using Platform.Search.Meilisearch.Tests.Infrastructure;

namespace Platform.Search.Meilisearch.Tests.Engine;

using DocumentsQuery = Platform.Search.Engine.DocumentsQuery;

/// <summary>Document writes, reads and deletes: stamped documents, namespaced ids, isolation fused into filters.</summary>
public sealed class DocumentContractTests(RecordingMeilisearchFixture fixture) : EngineContractTestBase(fixture)
{
    private static JsonObject Doc(string json) => JsonNode.Parse(json)!.AsObject();

    [Fact]
    public async Task AddDocuments_stamps_tenant_and_namespaced_id_and_waits_for_the_task()
    {
        Server.Enqueue(Meta(), Enqueued(7), Succeeded(7, """{"receivedDocuments":2,"indexedDocuments":2}"""));

        var result = await Engine.AddDocumentsAsync(Acme, "products", [Doc("""{"id":1,"name":"Kettle"}"""), Doc("""{"id":"k-2","name":"Lamp"}""")], DocumentWriteMode.AddOrReplace);

        Assert.Equal(new DocumentWriteResult(2, 2), result);
        var r = Server.Requests;
        Assert.Equal(3, r.Count);
        AssertRequest(r[0], "GET", "/indexes/platform_catalog/documents/products?fields=primaryKey");
        AssertRequest(r[1], "POST", "/indexes/platform-products/documents?primaryKey=_pid", $$"""
            [{"id":1,"name":"Kettle","_tenant":"acme","_pid":"{{AcmeTag}}_1"},
             {"id":"k-2","name":"Lamp","_tenant":"acme","_pid":"{{AcmeTag}}_k-2"}]
            """);
        AssertRequest(r[2], "GET", "/tasks/7");
        Assert.All(r, AssertAdmin);
    }

    [Fact]
    public async Task AddOrUpdate_uses_PUT_so_only_the_callers_namespaced_document_is_merged()
    {
        Server.Enqueue(Meta(), Enqueued(7), Succeeded(7, """{"receivedDocuments":1,"indexedDocuments":1}"""));

        await Engine.AddDocumentsAsync(Globex, "products", [Doc("""{"id":5,"x":1}""")], DocumentWriteMode.AddOrUpdate);

        AssertRequest(Server.Requests[1], "PUT", "/indexes/platform-products/documents?primaryKey=_pid",
            """[{"id":5,"x":1,"_tenant":"globex","_pid":"676c6f626578_5"}]""");
    }

    [Fact]
    public async Task First_batch_infers_the_primary_key_and_records_it_in_the_catalog_before_writing()
    {
        Server.Enqueue(
            NoMeta(), IndexFound(),
            Enqueued(6, "platform_catalog"), Succeeded(6),
            Enqueued(7), Succeeded(7, """{"receivedDocuments":1,"indexedDocuments":1}"""));

        var result = await Engine.AddDocumentsAsync(Acme, "products", [Doc("""{"movieId":"m-1","t":"x"}""")], DocumentWriteMode.AddOrReplace);

        Assert.Equal(new DocumentWriteResult(1, 1), result);
        var r = Server.Requests;
        AssertRequest(r[1], "GET", "/indexes/platform-products");
        AssertRequest(r[2], "POST", "/indexes/platform_catalog/documents?primaryKey=uid", """[{"uid":"products","primaryKey":"movieId"}]""");
        AssertRequest(r[4], "POST", "/indexes/platform-products/documents?primaryKey=_pid", $$"""
            [{"movieId":"m-1","t":"x","_tenant":"acme","_pid":"{{AcmeTag}}_m-1"}]
            """);
    }

    [Fact]
    public async Task AddDocuments_creates_a_missing_index_first()
    {
        Server.Enqueue(
            Error(404, "index_not_found", "Index `platform_catalog` not found."),
            IndexMissing(),
            Enqueued(1, type: "indexCreation"), Succeeded(1),
            Enqueued(2, type: "settingsUpdate"), Succeeded(2),
            Enqueued(3, "platform_catalog"), Succeeded(3),
            Enqueued(4), Succeeded(4, """{"receivedDocuments":1,"indexedDocuments":1}"""));

        var result = await Engine.AddDocumentsAsync(Acme, "products", [Doc("""{"id":1}""")], DocumentWriteMode.AddOrReplace, primaryKey: "id");

        Assert.Equal(new DocumentWriteResult(1, 1), result);
        var r = Server.Requests;
        Assert.Equal(10, r.Count);
        AssertRequest(r[2], "POST", "/indexes", """{"uid":"platform-products","primaryKey":"_pid"}""");
        AssertRequest(r[4], "PATCH", "/indexes/platform-products/settings", """{"filterableAttributes":["_tenant"]}""");
        AssertRequest(r[6], "POST", "/indexes/platform_catalog/documents?primaryKey=uid", """[{"uid":"products","primaryKey":"id"}]""");
        AssertRequest(r[8], "POST", "/indexes/platform-products/documents?primaryKey=_pid", $$"""[{"id":1,"_tenant":"acme","_pid":"{{AcmeTag}}_1"}]""");
        Assert.All(r, AssertAdmin);
    }

    [Theory]
    [InlineData("""{"id":1,"_tenant":"globex"}""")]
    [InlineData("""{"id":1,"_pid":"676c6f626578_1"}""")]
    public async Task Documents_carrying_platform_attributes_are_refused_before_anything_is_sent(string json)
    {
        var error = await Assert.ThrowsAsync<SearchEngineException>(() => Engine.AddDocumentsAsync(Acme, "products", [Doc("""{"id":2}"""), Doc(json)], DocumentWriteMode.AddOrReplace));
        Assert.Equal(("reserved_attribute", 400), (error.Code, error.HttpStatus));
        Assert.Empty(Server.Requests);
    }

    [Theory]
    [InlineData("""{"id":"a b"}""", "\"a b\"")]
    [InlineData("""{"id":1.5}""", "1.5")]
    [InlineData("""{"id":true}""", "true")]
    public async Task Invalid_ids_fail_the_whole_batch_before_it_is_written(string json, string shown)
    {
        Server.Enqueue(Meta());

        var error = await Assert.ThrowsAsync<SearchEngineException>(() => Engine.AddDocumentsAsync(Acme, "products", [Doc("""{"id":"ok"}"""), Doc(json)], DocumentWriteMode.AddOrReplace));

        Assert.Equal("invalid_document_id", error.Code);
        Assert.StartsWith($"Document identifier `{shown}` is invalid.", error.Message, StringComparison.Ordinal);
        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task Missing_primary_key_is_refused()
    {
        Server.Enqueue(Meta());
        var error = await Assert.ThrowsAsync<SearchEngineException>(() => Engine.AddDocumentsAsync(Acme, "products", [Doc("""{"title":"x"}""")], DocumentWriteMode.AddOrReplace));
        Assert.Equal(("missing_document_id", """Document doesn't have a `id` attribute: `{"title":"x"}`."""), (error.Code, error.Message));
    }

    [Fact]
    public async Task A_failed_task_surfaces_with_Meilisearchs_code_and_message()
    {
        Server.Enqueue(Meta(), Enqueued(7), Failed(7, "invalid_document_geo_field", "The `_geo` field in the document with the id: `\"61636d65_1\"` is not an object."));

        var error = await Assert.ThrowsAsync<SearchEngineException>(() => Engine.AddDocumentsAsync(Acme, "products", [Doc("""{"id":1,"_geo":1}""")], DocumentWriteMode.AddOrReplace));

        Assert.Equal(("invalid_document_geo_field", 400, "invalid_request"), (error.Code, error.HttpStatus, error.Type));
        Assert.Contains("is not an object", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Long_ids_get_a_hashed_physical_id_within_Meilisearchs_limit()
    {
        Server.Enqueue(Meta(), Enqueued(7), Succeeded(7, """{"receivedDocuments":1,"indexedDocuments":1}"""));
        var id = new string('a', 511);

        await Engine.AddDocumentsAsync(Acme, "products", [new JsonObject { ["id"] = id }], DocumentWriteMode.AddOrReplace);

        var pid = JsonNode.Parse(Server.Requests[1].Body)![0]!["_pid"]!.GetValue<string>();
        Assert.StartsWith(AcmeTag + "-", pid, StringComparison.Ordinal);
        Assert.Equal(AcmeTag.Length + 1 + 64, pid.Length);
    }

    [Fact]
    public async Task DeleteDocuments_sends_namespaced_ids_and_skips_impossible_ones()
    {
        Server.Enqueue(Enqueued(8, type: "documentDeletion"), Succeeded(8, """{"providedIds":2,"deletedDocuments":1}"""));

        var result = await Engine.DeleteDocumentsAsync(Acme, "products", ["1", "a b", "k-2", "1"]);

        Assert.Equal(new DocumentDeletionResult(4, 1), result);
        AssertRequest(Server.Requests[0], "POST", "/indexes/platform-products/documents/delete-batch", $$"""["{{AcmeTag}}_1","{{AcmeTag}}_k-2"]""");
        AssertRequest(Server.Requests[1], "GET", "/tasks/8");
    }

    [Fact]
    public async Task DeleteByFilter_puts_the_isolation_filter_after_the_users_filter()
    {
        Server.Enqueue(Enqueued(8, type: "documentDeletion"), Succeeded(8, """{"providedIds":0,"deletedDocuments":3}"""));

        var filter = new OrFilter([new ComparisonFilter("n", ComparisonOperator.GreaterThan, "3"), new ComparisonFilter("owner", ComparisonOperator.Equal, "globex")]);
        var result = await Engine.DeleteDocumentsByFilterAsync(Acme, "products", filter);

        Assert.Equal(new DocumentDeletionResult(0, 3), result);
        AssertRequest(Server.Requests[0], "POST", "/indexes/platform-products/documents/delete", """{"filter":["n > 3 OR owner = globex","_tenant = \"acme\""]}""");
    }

    [Fact]
    public async Task DeleteByFilter_spreads_a_top_level_and()
    {
        Server.Enqueue(Enqueued(8, type: "documentDeletion"), Succeeded(8, """{"providedIds":0,"deletedDocuments":0}"""));

        var filter = new AndFilter([new ComparisonFilter("a", ComparisonOperator.Equal, "1"), new ComparisonFilter("b", ComparisonOperator.Equal, "2")]);
        await Engine.DeleteDocumentsByFilterAsync(Acme, "products", filter);

        AssertJson.Equal("""{"filter":["a = 1","b = 2","_tenant = \"acme\""]}""", Server.Requests[0].Body);
    }

    [Fact]
    public async Task DeleteByFilter_naming_the_tenant_attribute_is_refused()
    {
        var error = await Assert.ThrowsAsync<SearchEngineException>(() => Engine.DeleteDocumentsByFilterAsync(Acme, "products", new ComparisonFilter("_tenant", ComparisonOperator.Equal, "acme")));
        Assert.Equal("reserved_attribute", error.Code);
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task DeleteAll_deletes_by_the_isolation_filter_only()
    {
        Server.Enqueue(Enqueued(8, type: "documentDeletion"), Succeeded(8, """{"providedIds":0,"deletedDocuments":5}"""));

        Assert.Equal(new DocumentDeletionResult(0, 5), await Engine.DeleteAllDocumentsAsync(new TenantScope("o\"brien"), "products"));

        AssertRequest(Server.Requests[0], "POST", "/indexes/platform-products/documents/delete", """{"filter":"_tenant = \"o\\\"brien\""}""");
    }

    [Fact]
    public async Task GetDocument_reads_the_namespaced_id_and_strips_platform_attributes()
    {
        Server.Enqueue(ScriptedResponse.Ok($$"""{"id":7,"title":"Lamp","_tenant":"acme","_pid":"{{AcmeTag}}_7"}"""));

        var document = await Engine.GetDocumentAsync(Acme, "products", "7", ["id", "title"]);

        Assert.Equal("""{"id":7,"title":"Lamp"}""", document.ToJsonString());
        AssertRequest(Server.Requests[0], "GET", $"/indexes/platform-products/documents/{AcmeTag}_7?fields=id,title");
        AssertAdmin(Server.Requests[0]);
    }

    [Fact]
    public async Task GetDocument_not_found_names_the_logical_id()
    {
        Server.Enqueue(Error(404, "document_not_found", $"Document `{AcmeTag}_7` not found."));

        var error = await Assert.ThrowsAsync<SearchEngineException>(() => Engine.GetDocumentAsync(Acme, "products", "7"));

        Assert.Equal(("document_not_found", "Document `7` not found.", 404), (error.Code, error.Message, error.HttpStatus));
    }

    [Fact]
    public async Task GetDocument_stored_for_another_tenant_is_not_returned()
    {
        Server.Enqueue(ScriptedResponse.Ok("""{"id":7,"_tenant":"globex"}"""));
        var error = await Assert.ThrowsAsync<SearchEngineException>(() => Engine.GetDocumentAsync(Acme, "products", "7"));
        Assert.Equal("document_not_found", error.Code);
    }

    [Fact]
    public async Task GetDocuments_fetches_with_the_isolation_filter_and_strips_results()
    {
        Server.Enqueue(ScriptedResponse.Ok($$"""
            {"results":[{"id":3,"n":1,"_tenant":"acme","_pid":"{{AcmeTag}}_3"},{"id":5,"n":1,"_tenant":"acme","_pid":"{{AcmeTag}}_5"}],
             "offset":1,"limit":2,"total":5}
            """));

        var page = await Engine.GetDocumentsAsync(Acme, "products", new DocumentsQuery
        {
            Filter = new ComparisonFilter("n", ComparisonOperator.Equal, "1"), Offset = 1, Limit = 2, Fields = ["id", "n"],
        });

        Assert.Equal(["""{"id":3,"n":1}""", """{"id":5,"n":1}"""], page.Results.Select(d => d.ToJsonString()));
        Assert.Equal((1, 2, 5), (page.Offset, page.Limit, page.Total));
        AssertRequest(Server.Requests[0], "POST", "/indexes/platform-products/documents/fetch",
            """{"filter":["n = 1","_tenant = \"acme\""],"fields":["id","n"],"offset":1,"limit":2}""");
    }

    [Fact]
    public async Task GetDocuments_error_lists_filterable_attributes_without_the_tenant()
    {
        Server.Enqueue(Error(400, "invalid_document_filter",
            "Index `platform-products`: Attribute `t` is not filterable. Available filterable attribute patterns are: `_tenant`, `n`."));

        var error = await Assert.ThrowsAsync<SearchEngineException>(() => Engine.GetDocumentsAsync(Acme, "products", new DocumentsQuery { Filter = new ComparisonFilter("t", ComparisonOperator.Equal, "x") }));

        Assert.Equal(("invalid_document_filter", "Index `products`: Attribute `t` is not filterable. Available filterable attribute patterns are: `n`."), (error.Code, error.Message));
    }
}
