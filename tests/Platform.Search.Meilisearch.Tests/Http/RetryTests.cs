using System.Net;
using System.Text.Json.Nodes;
using Platform.Search.Meilisearch.Tests.Infrastructure;

namespace Platform.Search.Meilisearch.Tests.Http;

/// <summary>Retries run through the production pipeline against real Kestrel; each test has its own endpoint and circuit.</summary>
public sealed class RetryTests : IAsyncLifetime
{
    private static readonly AdminCredential Admin = new("admin");
    private static readonly SearchCredential Tenant = new("tenant-token");

    private RecordingMeilisearch _server = null!;

    public async Task InitializeAsync() => _server = await RecordingMeilisearch.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Get_retries_on_503_and_succeeds_when_meilisearch_recovers()
    {
        using var client = TestClient.For(_server.BaseAddress);
        _server.Enqueue(MeilisearchExamples.TooManySearchRequests(), new ScriptedResponse(503), ScriptedResponse.Ok(MeilisearchExamples.SucceededTask));

        var task = await client.Client.GetTaskAsync(Admin, 147);

        Assert.Equal(147, task.Uid);
        Assert.Equal(3, _server.Requests.Count);
        Assert.All(_server.Requests, r => Assert.Equal("/tasks/147", r.Path));
    }

    [Fact]
    public async Task Search_post_is_retried_with_the_same_body_and_bearer()
    {
        using var client = TestClient.For(_server.BaseAddress);
        _server.Enqueue(MeilisearchExamples.TooManySearchRequests(), ScriptedResponse.Ok(MeilisearchExamples.SearchResponse));

        var response = await client.Client.SearchAsync(Tenant, "movies", new JsonObject { ["q"] = "glass" });

        Assert.Equal("glass", response["query"]!.GetValue<string>());
        Assert.Equal(2, _server.Requests.Count);
        Assert.All(_server.Requests, r =>
        {
            Assert.Equal("""{"q":"glass"}""", r.Body);
            Assert.Equal("Bearer tenant-token", r.Authorization);
        });
    }

    [Fact]
    public async Task Multi_search_facet_search_and_fetch_are_retried()
    {
        using var client = TestClient.For(_server.BaseAddress);
        _server.Enqueue(
            new ScriptedResponse(502), ScriptedResponse.Ok(MeilisearchExamples.MultiSearchResponse),
            new ScriptedResponse(504), ScriptedResponse.Ok(MeilisearchExamples.FacetSearchResponse),
            new ScriptedResponse(503), ScriptedResponse.Ok(MeilisearchExamples.DocumentsPage));

        await client.Client.MultiSearchAsync(Tenant, [new JsonObject { ["indexUid"] = "movies" }]);
        await client.Client.FacetSearchAsync(Tenant, "movies", new JsonObject { ["facetName"] = "color" });
        await client.Client.FetchDocumentsAsync(Admin, "movies", new DocumentsQuery { Limit = 2 });

        Assert.Equal(
            ["/multi-search", "/multi-search", "/indexes/movies/facet-search", "/indexes/movies/facet-search", "/indexes/movies/documents/fetch", "/indexes/movies/documents/fetch"],
            _server.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task Search_attempt_that_times_out_is_retried()
    {
        using var client = TestClient.For(_server.BaseAddress, o => o.SearchTimeout = TimeSpan.FromMilliseconds(300));
        _server.Enqueue(ScriptedResponse.Ok(MeilisearchExamples.SearchResponse) with { Delay = TimeSpan.FromSeconds(5) }, ScriptedResponse.Ok(MeilisearchExamples.SearchResponse));

        var response = await client.Client.SearchAsync(Tenant, "movies", new JsonObject { ["q"] = "glass" });

        Assert.Equal(1, response["estimatedTotalHits"]!.GetValue<int>());
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task Admin_calls_get_the_longer_timeout_not_the_search_timeout()
    {
        using var client = TestClient.For(_server.BaseAddress, o =>
        {
            o.SearchTimeout = TimeSpan.FromMilliseconds(200);
            o.Timeout = TimeSpan.FromSeconds(30);
        });
        _server.Enqueue(ScriptedResponse.Ok(MeilisearchExamples.Index) with { Delay = TimeSpan.FromMilliseconds(600) });

        var index = await client.Client.GetIndexAsync(Admin, "movies");

        Assert.Equal("movies", index.Uid);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Get_attempt_that_times_out_is_retried()
    {
        using var client = TestClient.For(_server.BaseAddress, o => o.Timeout = TimeSpan.FromMilliseconds(300));
        _server.Enqueue(ScriptedResponse.Ok(MeilisearchExamples.Index) with { Delay = TimeSpan.FromSeconds(5) }, ScriptedResponse.Ok(MeilisearchExamples.Index));

        var index = await client.Client.GetIndexAsync(Admin, "movies");

        Assert.Equal("movies", index.Uid);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task Exhausted_retries_surface_503_as_unavailable_with_retry_after_and_body()
    {
        using var client = TestClient.For(_server.BaseAddress);
        _server.Enqueue(Enumerable.Range(0, 4).Select(_ => MeilisearchExamples.TooManySearchRequests()).ToArray());

        var e = await Assert.ThrowsAsync<MeilisearchUnavailableException>(() => client.Client.SearchAsync(Tenant, "movies", []));

        Assert.Equal(MeilisearchUnavailableReason.ServerUnavailable, e.Reason);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, e.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(10), e.RetryAfter);
        Assert.Equal("too_many_search_requests", e.Error!.Code);
        Assert.Equal(4, _server.Requests.Count); // the first attempt plus MaxRetryAttempts (3)
    }

    public static TheoryData<string> NonIdempotentCalls() =>
    [
        "add-or-replace", "add-or-update", "delete-document", "delete-batch", "delete-by-filter", "create-key", "create-index", "update-settings",
    ];

    [Theory]
    [MemberData(nameof(NonIdempotentCalls))]
    public async Task Non_idempotent_calls_are_sent_exactly_once_on_503(string call)
    {
        using var client = TestClient.For(_server.BaseAddress);
        _server.Enqueue(MeilisearchExamples.TooManySearchRequests(), ScriptedResponse.Accepted(MeilisearchExamples.Enqueued()));

        var e = await Assert.ThrowsAsync<MeilisearchUnavailableException>(() => Invoke(client.Client, call));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, e.StatusCode);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Non_idempotent_call_that_times_out_is_not_repeated()
    {
        using var client = TestClient.For(_server.BaseAddress, o => o.Timeout = TimeSpan.FromMilliseconds(300));
        _server.Enqueue(ScriptedResponse.Accepted(MeilisearchExamples.Enqueued()) with { Delay = TimeSpan.FromSeconds(5) }, ScriptedResponse.Accepted(MeilisearchExamples.Enqueued()));

        var e = await Assert.ThrowsAsync<MeilisearchUnavailableException>(() => Invoke(client.Client, "add-or-replace"));

        Assert.Equal(MeilisearchUnavailableReason.Timeout, e.Reason);
        Assert.Single(_server.Requests);
    }

    private static Task Invoke(MeilisearchClient client, string call) => call switch
    {
        "add-or-replace" => client.AddOrReplaceDocumentsAsync(Admin, "movies", [new JsonObject { ["id"] = 1 }]),
        "add-or-update" => client.AddOrUpdateDocumentsAsync(Admin, "movies", [new JsonObject { ["id"] = 1 }]),
        "delete-document" => client.DeleteDocumentAsync(Admin, "movies", "1"),
        "delete-batch" => client.DeleteDocumentsAsync(Admin, "movies", ["1"]),
        "delete-by-filter" => client.DeleteDocumentsByFilterAsync(Admin, "movies", "id = 1"),
        "create-key" => client.CreateKeyAsync(Admin, new CreateKeyRequest(["search"], ["*"], null)),
        "create-index" => client.CreateIndexAsync(Admin, "movies"),
        "update-settings" => client.UpdateSettingsAsync(Admin, "movies", new IndexSettings { SortableAttributes = ["year"] }),
        _ => throw new ArgumentOutOfRangeException(nameof(call)),
    };
}
