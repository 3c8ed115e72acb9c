using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Platform.Search.Engine;
using Platform.Search.Meilisearch.Engine;
using Platform.Search.Meilisearch.Tests.Infrastructure;

namespace Platform.Search.Meilisearch.Tests.Engine;

/// <summary>
/// One engine over the recording endpoint per test class, with fake time for the token cache. Each test starts from
/// an empty script and a fresh engine (so no token or key is cached from an earlier test).
/// </summary>
public abstract class EngineContractTestBase : IClassFixture<RecordingMeilisearchFixture>, IAsyncLifetime
{
    public const string SearchKeyValue = BackendTokens.SearchKeyValue;

    protected static readonly TenantScope Acme = new("acme");
    protected static readonly TenantScope Globex = new("globex");

    /// <summary><c>hex("acme")</c>: the tenant tag in physical ids.</summary>
    protected const string AcmeTag = "61636d65";

    private readonly RecordingMeilisearchFixture _fixture;
    private TestClient? _client;

    protected EngineContractTestBase(RecordingMeilisearchFixture fixture)
    {
        _fixture = fixture;
        fixture.Server.Reset();
    }

    internal RecordingMeilisearch Server => _fixture.Server;

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.Zero));

    protected MeilisearchSearchEngine Engine { get; private set; } = null!;

    protected static Guid SearchKeyUid => BackendTokens.SearchKeyUid;

    protected virtual void Configure(MeilisearchOptions options)
    {
    }

    public Task InitializeAsync()
    {
        _client = TestClient.For(Server.BaseAddress, Configure);
        var options = new MeilisearchOptions { Url = Server.BaseAddress.ToString(), ApiKey = TestClient.AdminKey };
        Configure(options);
        Engine = new MeilisearchSearchEngine(_client.Client, Microsoft.Extensions.Options.Options.Create(options), Time);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Engine.DisposeAsync();
        _client?.Dispose();
    }

    // ---- scripting ----------------------------------------------------------------------------------------

    internal static ScriptedResponse Enqueued(long taskUid, string indexUid = "platform-products", string type = "documentAdditionOrUpdate") =>
        ScriptedResponse.Accepted(MeilisearchExamples.Enqueued(taskUid, indexUid, type));

    internal static ScriptedResponse Succeeded(long taskUid, string details = "{}") =>
        ScriptedResponse.Ok($$"""
            {"uid":{{taskUid}},"batchUid":1,"indexUid":"platform-products","status":"succeeded","type":"documentAdditionOrUpdate",
             "canceledBy":null,"details":{{details}},"error":null,"duration":"PT0.1S",
             "enqueuedAt":"2026-07-01T12:00:00Z","startedAt":"2026-07-01T12:00:00Z","finishedAt":"2026-07-01T12:00:00Z"}
            """);

    internal static ScriptedResponse Failed(long taskUid, string code, string message) =>
        ScriptedResponse.Ok($$"""
            {"uid":{{taskUid}},"batchUid":1,"indexUid":"platform-products","status":"failed","type":"documentAdditionOrUpdate",
             "canceledBy":null,"details":{},"error":{{MeilisearchExamples.Error(message, code, "invalid_request")}},"duration":"PT0.1S",
             "enqueuedAt":"2026-07-01T12:00:00Z","startedAt":"2026-07-01T12:00:00Z","finishedAt":"2026-07-01T12:00:00Z"}
            """);

    internal static ScriptedResponse Error(int status, string code, string message, string type = "invalid_request") =>
        ScriptedResponse.Json(status, MeilisearchExamples.Error(message, code, type));

    internal static ScriptedResponse IndexFound(string uid = "platform-products") =>
        ScriptedResponse.Ok($$"""{"uid":"{{uid}}","primaryKey":"_pid","createdAt":"2026-07-01T12:00:00Z","updatedAt":"2026-07-01T12:00:00Z"}""");

    internal static ScriptedResponse IndexMissing(string uid = "platform-products") =>
        Error(404, "index_not_found", $"Index `{uid}` not found.");

    /// <summary>The catalog entry answering "which logical primary key".</summary>
    internal static ScriptedResponse Meta(string primaryKey = "id") => ScriptedResponse.Ok($$"""{"primaryKey":"{{primaryKey}}"}""");

    internal static ScriptedResponse NoMeta() => Error(404, "document_not_found", "Document `products` not found.");

    internal static ScriptedResponse SearchKey(string pattern = "platform-*") => BackendTokens.SearchKey(pattern);

    internal static ScriptedResponse SearchAnswer(string hits = "[]", string extra = "") => ScriptedResponse.Ok(
        $$"""{"hits":{{hits}},"query":"","processingTimeMs":1,"limit":20,"offset":0,"estimatedTotalHits":0{{extra}}}""");

    // ---- assertions ---------------------------------------------------------------------------------------

    internal static void AssertRequest(RecordedRequest request, string method, string pathAndQuery, string? jsonBody = null)
    {
        Assert.Equal(method + " " + pathAndQuery, request.Method + " " + request.Path + request.Query);
        if (jsonBody is not null)
        {
            AssertJson.Equal(jsonBody, request.Body);
        }
    }

    internal static void AssertAdmin(RecordedRequest request) => Assert.Equal("Bearer " + TestClient.AdminKey, request.Authorization);

    /// <summary>The claims of the JWT a request carried, after checking its HS256 signature with the search key.</summary>
    internal static JsonObject TokenClaims(RecordedRequest request)
    {
        var bearer = request.Authorization;
        Assert.NotNull(bearer);
        Assert.StartsWith("Bearer ", bearer, StringComparison.Ordinal);
        var token = bearer["Bearer ".Length..];
        Assert.NotEqual(TestClient.AdminKey, token);
        return BackendTokens.VerifiedClaims(token);
    }

    internal static string BearerOf(RecordedRequest request) => BackendTokens.BearerOf(request);

    internal static string Json(object value) => JsonSerializer.Serialize(value);
}
