using System.Text.Json.Nodes;
using Platform.Search.Meilisearch.Tests.Infrastructure;

namespace Platform.Search.Meilisearch.Tests.Client;

public sealed class DocumentsContractTests(RecordingMeilisearchFixture fixture) : ContractTestBase(fixture)
{
    private static JsonArray Documents() =>
        [new JsonObject { ["id"] = 1, ["title"] = "Carol", ["tenant"] = "a" }, new JsonObject { ["id"] = 2, ["title"] = "Wonder Woman", ["tenant"] = "a" }];

    private const string DocumentsJson = """[{"id":1,"title":"Carol","tenant":"a"},{"id":2,"title":"Wonder Woman","tenant":"a"}]""";

    [Fact]
    public async Task AddOrReplaceDocuments_posts_the_array()
    {
        Server.Enqueue(ScriptedResponse.Accepted(MeilisearchExamples.Enqueued()));

        var task = await Client.AddOrReplaceDocumentsAsync(Admin, "movies", Documents());

        AssertSent("POST", "/indexes/movies/documents", "", Admin.ApiKey, DocumentsJson);
        Assert.Equal(new EnqueuedTask(147, "movies", "enqueued", "documentAdditionOrUpdate", new DateTimeOffset(2024, 8, 8, 17, 5, 55, TimeSpan.Zero).AddTicks(7917720)), task);
    }

    [Fact]
    public async Task AddOrReplaceDocuments_passes_the_primary_key()
    {
        Server.Enqueue(ScriptedResponse.Accepted(MeilisearchExamples.Enqueued()));

        await Client.AddOrReplaceDocumentsAsync(Admin, "movies", Documents(), primaryKey: "id");

        AssertSent("POST", "/indexes/movies/documents", "?primaryKey=id", Admin.ApiKey, DocumentsJson);
    }

    [Fact]
    public async Task AddOrUpdateDocuments_puts_with_the_primary_key()
    {
        Server.Enqueue(ScriptedResponse.Accepted(MeilisearchExamples.Enqueued()));

        var task = await Client.AddOrUpdateDocumentsAsync(Admin, "movies", Documents(), primaryKey: "id");

        AssertSent("PUT", "/indexes/movies/documents", "?primaryKey=id", Admin.ApiKey, DocumentsJson);
        Assert.Equal(147, task.TaskUid);
    }

    [Fact]
    public async Task GetDocument_asks_for_the_fields_comma_separated()
    {
        Server.Enqueue(ScriptedResponse.Ok(MeilisearchExamples.Document));

        var document = await Client.GetDocumentAsync(Admin, "movies", "450465", ["title", "color"]);

        AssertSent("GET", "/indexes/movies/documents/450465", "?fields=title,color", Admin.ApiKey);
        Assert.Equal("Gläss", document["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetDocument_escapes_the_id()
    {
        Server.Enqueue(ScriptedResponse.Ok(MeilisearchExamples.Document));

        await Client.GetDocumentAsync(Admin, "movies", "a b");

        Assert.Equal("/indexes/movies/documents/a%20b", Server.SingleRequest.Path);
        Assert.Equal("", Server.SingleRequest.Query);
    }

    [Fact]
    public async Task FetchDocuments_posts_filter_fields_offset_limit()
    {
        Server.Enqueue(ScriptedResponse.Ok(MeilisearchExamples.DocumentsPage));

        var page = await Client.FetchDocumentsAsync(Admin, "movies", new DocumentsQuery
        {
            Filter = new JsonArray("tenant = a", new JsonArray("color = blue", "color = red")),
            Fields = ["id", "title"],
            Offset = 0,
            Limit = 2,
        });

        AssertSent("POST", "/indexes/movies/documents/fetch", "", Admin.ApiKey,
            """{"filter":["tenant = a",["color = blue","color = red"]],"fields":["id","title"],"offset":0,"limit":2}""");
        Assert.Equal("450465", Assert.Single(page.Results)["id"]!.GetValue<string>());
        Assert.Equal(1, page.Total);
    }

    [Fact]
    public async Task DeleteDocument_deletes_one()
    {
        Server.Enqueue(ScriptedResponse.Accepted(MeilisearchExamples.Enqueued(150, "movies", "documentDeletion")));

        var task = await Client.DeleteDocumentAsync(Admin, "movies", "450465");

        AssertSent("DELETE", "/indexes/movies/documents/450465", "", Admin.ApiKey);
        Assert.Equal("documentDeletion", task.Type);
    }

    [Fact]
    public async Task DeleteDocuments_posts_the_ids_to_delete_batch()
    {
        Server.Enqueue(ScriptedResponse.Accepted(MeilisearchExamples.Enqueued(151, "movies", "documentDeletion")));

        await Client.DeleteDocumentsAsync(Admin, "movies", ["1", "2"]);

        AssertSent("POST", "/indexes/movies/documents/delete-batch", "", Admin.ApiKey, """["1","2"]""");
    }

    [Fact]
    public async Task DeleteDocumentsByFilter_posts_the_filter()
    {
        Server.Enqueue(ScriptedResponse.Accepted(MeilisearchExamples.Enqueued(152, "movies", "documentDeletion")));

        var task = await Client.DeleteDocumentsByFilterAsync(Admin, "movies", "tenant = a");

        AssertSent("POST", "/indexes/movies/documents/delete", "", Admin.ApiKey, """{"filter":"tenant = a"}""");
        Assert.Equal(152, task.TaskUid);
    }
}
