using Platform.Search.Meilisearch.Tests.Infrastructure;

namespace Platform.Search.Meilisearch.Tests.Client;

public sealed class IndexesContractTests(RecordingMeilisearchFixture fixture) : ContractTestBase(fixture)
{
    [Fact]
    public async Task CreateIndex_posts_uid_and_primary_key()
    {
        Server.Enqueue(ScriptedResponse.Accepted(MeilisearchExamples.Enqueued(5, "movies", "indexCreation")));

        var task = await Client.CreateIndexAsync(Admin, "movies", "id");

        AssertSent("POST", "/indexes", "", Admin.ApiKey, """{"uid":"movies","primaryKey":"id"}""");
        Assert.Equal(new EnqueuedTask(5, "movies", "enqueued", "indexCreation", DateTimeOffset.Parse("2024-08-08T17:05:55.791772Z", System.Globalization.CultureInfo.InvariantCulture)), task);
    }

    [Fact]
    public async Task CreateIndex_without_primary_key_leaves_it_out()
    {
        Server.Enqueue(ScriptedResponse.Accepted(MeilisearchExamples.Enqueued(5, "movies", "indexCreation")));

        await Client.CreateIndexAsync(Admin, "movies");

        AssertSent("POST", "/indexes", "", Admin.ApiKey, """{"uid":"movies"}""");
    }

    [Fact]
    public async Task GetIndex_reads_the_index()
    {
        Server.Enqueue(ScriptedResponse.Ok(MeilisearchExamples.Index));

        var index = await Client.GetIndexAsync(Admin, "movies");

        AssertSent("GET", "/indexes/movies", "", Admin.ApiKey);
        Assert.Equal("movies", index.Uid);
        Assert.Equal("id", index.PrimaryKey);
        Assert.Equal(new DateTimeOffset(2024, 8, 8, 17, 5, 56, 300, TimeSpan.Zero), index.UpdatedAt);
    }

    [Fact]
    public async Task ListIndexes_pages_with_offset_and_limit()
    {
        Server.Enqueue(ScriptedResponse.Ok(MeilisearchExamples.IndexList));

        var page = await Client.ListIndexesAsync(Admin, offset: 0, limit: 5);

        AssertSent("GET", "/indexes", "?offset=0&limit=5", Admin.ApiKey);
        Assert.Equal("movies", Assert.Single(page.Results).Uid);
        Assert.Equal((0, 5, 1L), (page.Offset, page.Limit, page.Total));
    }

    [Fact]
    public async Task ListIndexes_without_paging_sends_no_query()
    {
        Server.Enqueue(ScriptedResponse.Ok(MeilisearchExamples.IndexList));

        await Client.ListIndexesAsync(Admin);

        AssertSent("GET", "/indexes", "", Admin.ApiKey);
    }

    [Fact]
    public async Task UpdateIndexPrimaryKey_patches_the_index()
    {
        Server.Enqueue(ScriptedResponse.Accepted(MeilisearchExamples.Enqueued(6, "movies", "indexUpdate")));

        var task = await Client.UpdateIndexPrimaryKeyAsync(Admin, "movies", "movie_id");

        AssertSent("PATCH", "/indexes/movies", "", Admin.ApiKey, """{"primaryKey":"movie_id"}""");
        Assert.Equal("indexUpdate", task.Type);
    }

    [Fact]
    public async Task DeleteIndex_deletes_the_index()
    {
        Server.Enqueue(ScriptedResponse.Accepted(MeilisearchExamples.Enqueued(7, "movies", "indexDeletion")));

        var task = await Client.DeleteIndexAsync(Admin, "movies");

        AssertSent("DELETE", "/indexes/movies", "", Admin.ApiKey);
        Assert.Equal(7, task.TaskUid);
    }
}
