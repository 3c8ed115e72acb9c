using System.Text.Json.Nodes;
using Platform.Search.Engine;
using static Platform.Search.Tests.Conformance.SearchEngineFixture;

namespace Platform.Search.Tests.Conformance;

/// <summary>Documents and settings; each test writes to its own index.</summary>
public abstract partial class SearchEngineConformanceTests
{
    // ---- documents and settings (each test writes to its own index) ----------------------------------------

    private async Task<string> NewIndex(IndexSettings? settings = null, params JsonObject[] documents)
    {
        var uid = Fixture.NewIndexUid("docs");
        await Engine.CreateIndexAsync(uid, "id");
        if (settings is not null)
        {
            await Engine.UpdateSettingsAsync(uid, settings with { PrimaryKey = "id" });
        }

        if (documents.Length > 0)
        {
            await Engine.AddDocumentsAsync(Acme, uid, documents, DocumentWriteMode.AddOrReplace);
        }

        return uid;
    }

    private static JsonObject Doc(string json) => JsonNode.Parse(json)!.AsObject();

    [Fact]
    public async Task Add_or_replace_replaces_and_add_or_update_merges()
    {
        var uid = await NewIndex(null, Doc("""{"id":1,"a":"x","b":"y"}"""));
        await Engine.AddDocumentsAsync(Acme, uid, [Doc("""{"id":1,"a":"z"}""")], DocumentWriteMode.AddOrReplace);
        AssertJson("""{"id":1,"a":"z"}""", await Engine.GetDocumentAsync(Acme, uid, "1"));
        var result = await Engine.AddDocumentsAsync(Acme, uid, [Doc("""{"id":"1","c":true}"""), Doc("""{"id":2,"a":"n"}""")], DocumentWriteMode.AddOrUpdate);
        Assert.Equal(new DocumentWriteResult(2, 2), result);
        AssertJson("""{"id":"1","a":"z","c":true}""", await Engine.GetDocumentAsync(Acme, uid, "1"));
    }

    [Fact]
    public async Task Primary_key_is_inferred_from_an_attribute_ending_with_id()
    {
        var uid = Fixture.NewIndexUid("infer");
        await Engine.AddDocumentsAsync(Acme, uid, [Doc("""{"title":"x","movieId":"m-1"}""")], DocumentWriteMode.AddOrReplace);
        Assert.Equal("movieId", (await Engine.GetIndexAsync(uid)).PrimaryKey);
        Assert.Equal("x", (await Engine.GetDocumentAsync(Acme, uid, "m-1")).Str("title"));
    }

    [Fact]
    public async Task Primary_key_inference_fails_without_or_with_several_candidates()
    {
        var none = await Fails(() => Engine.AddDocumentsAsync(Acme, Fixture.NewIndexUid("pk"), [Doc("""{"title":"x"}""")], DocumentWriteMode.AddOrReplace), "index_primary_key_no_candidate_found");
        Assert.Equal("The primary key inference failed as the engine did not find any field ending with `id` in its name. Please specify the primary key manually using the `primaryKey` query parameter.", none.Message);
        var several = await Fails(() => Engine.AddDocumentsAsync(Acme, Fixture.NewIndexUid("pk"), [Doc("""{"id":1,"isbn_id":2}""")], DocumentWriteMode.AddOrReplace), "index_primary_key_multiple_candidates_found");
        Assert.Equal("The primary key inference failed as the engine found 2 fields ending with `id` in their names: 'id' and 'isbn_id'. Please specify the primary key manually using the `primaryKey` query parameter.", several.Message);
    }

    [Theory]
    [InlineData("""{"id":"a b"}""", "\"a b\"")]
    [InlineData("""{"id":1.5}""", "1.5")]
    [InlineData("""{"id":true}""", "true")]
    [InlineData("""{"id":"é"}""", "\"é\"")]
    public async Task Invalid_document_ids_fail_the_whole_batch(string json, string shown)
    {
        var uid = await NewIndex();
        var error = await Fails(() => Engine.AddDocumentsAsync(Acme, uid, [Doc("""{"id":"ok"}"""), Doc(json)], DocumentWriteMode.AddOrReplace), "invalid_document_id");
        Assert.Equal($"Document identifier `{shown}` is invalid. A document identifier can be of type integer or string, only composed of alphanumeric characters (a-z A-Z 0-9), hyphens (-) and underscores (_), and can not be more than 511 bytes.", error.Message);
        await Fails(() => Engine.GetDocumentAsync(Acme, uid, "ok"), "document_not_found");
    }

    [Fact]
    public async Task Document_ids_are_limited_to_511_bytes()
    {
        var uid = await NewIndex();
        await Engine.AddDocumentsAsync(Acme, uid, [new JsonObject { ["id"] = new string('a', 511) }], DocumentWriteMode.AddOrReplace);
        await Fails(() => Engine.AddDocumentsAsync(Acme, uid, [new JsonObject { ["id"] = new string('a', 512) }], DocumentWriteMode.AddOrReplace), "invalid_document_id");
    }

    [Fact]
    public async Task Document_without_primary_key_is_refused()
    {
        var uid = await NewIndex();
        var error = await Fails(() => Engine.AddDocumentsAsync(Acme, uid, [Doc("""{"title":"x"}""")], DocumentWriteMode.AddOrReplace), "missing_document_id");
        Assert.Equal("""Document doesn't have a `id` attribute: `{"title":"x"}`.""", error.Message);
    }

    [Fact]
    public async Task Documents_can_be_fetched_with_filter_fields_offset_and_limit()
    {
        var uid = await NewIndex(new IndexSettings { FilterableAttributes = ["n"] },
            Enumerable.Range(1, 10).Select(i => new JsonObject { ["id"] = i, ["n"] = i % 2, ["t"] = "x" }).ToArray());
        var page = await Engine.GetDocumentsAsync(Acme, uid, new DocumentsQuery { Filter = F.Eq("n", "1"), Offset = 1, Limit = 2, Fields = ["id"] });
        Assert.Equal(5, page.Total);
        Assert.Equal(["""{"id":3}""", """{"id":5}"""], page.Results.Select(d => d.ToJsonString()));
        await Fails(() => Engine.GetDocumentsAsync(Acme, uid, new DocumentsQuery { Filter = F.Eq("t", "x") }), "invalid_document_filter");
        var missing = await Fails(() => Engine.GetDocumentAsync(Acme, uid, "99"), "document_not_found");
        Assert.Equal(("Document `99` not found.", 404), (missing.Message, missing.HttpStatus));
    }

    [Fact]
    public async Task Deletes_report_the_documents_actually_deleted()
    {
        var uid = await NewIndex(new IndexSettings { FilterableAttributes = ["n"] },
            Enumerable.Range(1, 10).Select(i => new JsonObject { ["id"] = i, ["n"] = i }).ToArray());
        Assert.Equal(new DocumentDeletionResult(3, 2), await Engine.DeleteDocumentsAsync(Acme, uid, ["1", "2", "404"]));
        Assert.Equal(new DocumentDeletionResult(0, 3), await Engine.DeleteDocumentsByFilterAsync(Acme, uid, F.Gt("n", "7")));
        Assert.Equal(5, (await Engine.GetDocumentsAsync(Acme, uid, new DocumentsQuery())).Total);
        Assert.Equal(new DocumentDeletionResult(0, 5), await Engine.DeleteAllDocumentsAsync(Acme, uid));
        Assert.Empty((await Engine.SearchAsync(Acme, uid, new SearchRequest())).Hits);
    }

    [Fact]
    public async Task Displayed_and_searchable_settings_shape_search()
    {
        var uid = await NewIndex(new IndexSettings { DisplayedAttributes = ["id", "title"], SearchableAttributes = ["title"] },
            Doc("""{"id":1,"title":"red kettle","secret":"hidden words"}"""));
        var hit = (await Engine.SearchAsync(Acme, uid, new SearchRequest { Q = "kettle" })).Hits.Single();
        AssertJson("""{"id":1,"title":"red kettle"}""", hit);
        Assert.Empty((await Engine.SearchAsync(Acme, uid, new SearchRequest { Q = "hidden" })).Hits);
    }

    [Fact]
    public async Task Index_lifecycle_errors_use_meilisearch_codes()
    {
        var uid = await NewIndex();
        var exists = await Fails(() => Engine.CreateIndexAsync(uid), "index_already_exists");
        Assert.Equal(409, exists.HttpStatus);
        await Fails(() => Engine.CreateIndexAsync("bad uid!"), "invalid_index_uid");
        Assert.True(await Engine.DeleteIndexAsync(uid));
        await Fails(() => Engine.SearchAsync(Acme, uid, new SearchRequest()), "index_not_found");
        Assert.False(await Engine.DeleteIndexAsync(uid));
    }

    [Fact]
    public async Task Integer_and_string_forms_of_an_id_are_the_same_document()
    {
        var uid = await NewIndex(null, Doc("""{"id":7,"v":1}"""));
        await Engine.AddDocumentsAsync(Acme, uid, [Doc("""{"id":"7","v":2}""")], DocumentWriteMode.AddOrReplace);
        Assert.Equal(1, (await Engine.GetDocumentsAsync(Acme, uid, new DocumentsQuery())).Total);
        Assert.Equal(2, (await Engine.GetDocumentAsync(Acme, uid, "7"))["v"]!.GetValue<int>());
    }

    [Fact]
    public async Task Another_primary_key_than_the_index_one_is_refused()
    {
        var uid = await NewIndex(null, Doc("""{"id":1}"""));
        var error = await Fails(() => Engine.AddDocumentsAsync(Acme, uid, [Doc("""{"sku":"a"}""")], DocumentWriteMode.AddOrReplace, primaryKey: "sku"), "index_primary_key_already_exists");
        Assert.Equal($"Index `{uid}`: Index already has a primary key: `id`.", error.Message);
    }

    [Fact]
    public async Task Updates_in_one_batch_merge_in_order()
    {
        var uid = await NewIndex();
        var result = await Engine.AddDocumentsAsync(Acme, uid, [Doc("""{"id":1,"a":1}"""), Doc("""{"id":1,"b":2}"""), Doc("""{"id":1,"a":3}""")], DocumentWriteMode.AddOrUpdate);
        Assert.Equal(new DocumentWriteResult(3, 1), result);
        AssertJson("""{"id":1,"a":3,"b":2}""", await Engine.GetDocumentAsync(Acme, uid, "1"));
    }

    [Fact]
    public async Task Ids_that_cannot_exist_are_not_found_and_not_deleted()
    {
        var uid = await NewIndex(null, Doc("""{"id":1}"""));
        await Fails(() => Engine.GetDocumentAsync(Acme, uid, "1\u001fx"), "document_not_found");
        Assert.Equal(new DocumentDeletionResult(2, 0), await Engine.DeleteDocumentsAsync(Acme, uid, ["a b", "1\u001f"]));
    }
}
