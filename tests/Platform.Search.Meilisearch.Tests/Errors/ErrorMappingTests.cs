using System.Net;
using System.Text.Json.Nodes;
using Platform.Search.Meilisearch.Tests.Infrastructure;

namespace Platform.Search.Meilisearch.Tests.Errors;

public sealed class ErrorMappingTests : IAsyncLifetime
{
    private static readonly AdminCredential Admin = new("admin");
    private static readonly SearchCredential Tenant = new("tenant-token");

    private RecordingMeilisearch _server = null!;
    private TestClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await RecordingMeilisearch.StartAsync();
        _client = TestClient.For(_server.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    public static TheoryData<int, string, string, string> ClientErrors() => new()
    {
        { 400, "Attribute `genre` is not filterable. Available filterable attribute patterns are: `color`.", "invalid_search_filter", "invalid_request" },
        { 401, "The Authorization header is missing. It must use the bearer authorization method.", "missing_authorization_header", "auth" },
        { 403, "The provided API key is invalid.", "invalid_api_key", "auth" },
        { 404, "Index `movies` not found.", "index_not_found", "invalid_request" },
        { 409, "Index `movies` already exists.", "index_already_exists", "invalid_request" },
    };

    [Theory]
    [MemberData(nameof(ClientErrors))]
    public async Task Meilisearch_error_bodies_become_api_exceptions_with_every_field_and_no_retry(int status, string message, string code, string type)
    {
        _server.Enqueue(ScriptedResponse.Json(status, MeilisearchExamples.Error(message, code, type)));

        var e = await Assert.ThrowsAsync<MeilisearchApiException>(() => _client.Client.SearchAsync(Tenant, "movies", new JsonObject { ["q"] = "x" }));

        Assert.Equal((HttpStatusCode)status, e.StatusCode);
        Assert.Equal(message, e.Message);
        Assert.Equal(code, e.Code);
        Assert.Equal(type, e.ErrorType);
        Assert.Equal($"https://docs.meilisearch.com/errors#{code}", e.Link);
        Assert.Equal(new MeilisearchError(message, code, type, e.Link), e.Error);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Task_not_found_on_get_is_an_api_exception()
    {
        _server.Enqueue(ScriptedResponse.Json(404, MeilisearchExamples.Error("Task `9` not found.", "task_not_found", "invalid_request")));

        var e = await Assert.ThrowsAsync<MeilisearchApiException>(() => _client.Client.GetTaskAsync(Admin, 9));

        Assert.Equal("task_not_found", e.Code);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_4xx_without_a_meilisearch_body_keeps_the_status_and_has_no_code()
    {
        _server.Enqueue(new ScriptedResponse(404, "<html>not here</html>"));

        var e = await Assert.ThrowsAsync<MeilisearchApiException>(() => _client.Client.DeleteIndexAsync(Admin, "movies"));

        Assert.Equal(HttpStatusCode.NotFound, e.StatusCode);
        Assert.Null(e.Code);
        Assert.Null(e.Error);
    }

    [Fact]
    public async Task A_500_with_an_internal_error_body_is_an_api_exception_after_retries()
    {
        _server.Enqueue(Enumerable.Range(0, 4).Select(_ => ScriptedResponse.Json(500, MeilisearchExamples.Error("boom", "internal", "internal"))).ToArray());

        var e = await Assert.ThrowsAsync<MeilisearchApiException>(() => _client.Client.GetIndexAsync(Admin, "movies"));

        Assert.Equal("internal", e.Code);
        Assert.Equal(4, _server.Requests.Count);
    }

    [Fact]
    public async Task A_503_on_a_write_is_unavailable_with_retry_after()
    {
        _server.Enqueue(MeilisearchExamples.TooManySearchRequests());

        var e = await Assert.ThrowsAsync<MeilisearchUnavailableException>(() => _client.Client.DeleteIndexAsync(Admin, "movies"));

        Assert.Equal(TimeSpan.FromSeconds(10), e.RetryAfter);
        Assert.Equal("too_many_search_requests", e.Error!.Code);
        Assert.Equal("system", e.Error.Type);
    }

    [Fact]
    public async Task Caller_cancellation_is_not_mapped()
    {
        _server.Enqueue(ScriptedResponse.Ok(MeilisearchExamples.SearchResponse) with { Delay = TimeSpan.FromSeconds(5) });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _client.Client.SearchAsync(Tenant, "movies", [], cancel.Token));
    }

    [Fact]
    public void Retry_after_as_a_date_becomes_the_remaining_time()
    {
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var header = new System.Net.Http.Headers.RetryConditionHeaderValue(now.AddSeconds(30));

        Assert.Equal(TimeSpan.FromSeconds(30), MeilisearchErrorReader.RetryAfterOf(header, now));
        Assert.Null(MeilisearchErrorReader.RetryAfterOf(null, now));
    }
}
