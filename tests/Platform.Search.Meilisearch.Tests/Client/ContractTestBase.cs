using Platform.Search.Meilisearch.Tests.Infrastructure;

namespace Platform.Search.Meilisearch.Tests.Client;

/// <summary>Shared plumbing of the per-route contract tests: a fresh script per test and the wire assertions.</summary>
public abstract class ContractTestBase : IClassFixture<RecordingMeilisearchFixture>
{
    private protected static readonly AdminCredential Admin = new("per-call-admin-key");
    private protected static readonly SearchCredential Tenant = new("eyJhbGciOiJIUzI1NiJ9.tenant.token");

    private readonly RecordingMeilisearchFixture _fixture;

    protected ContractTestBase(RecordingMeilisearchFixture fixture)
    {
        _fixture = fixture;
        fixture.Server.Reset();
    }

    internal RecordingMeilisearch Server => _fixture.Server;

    internal MeilisearchClient Client => _fixture.Client;

    /// <summary>Asserts the one request sent: method, path, query, bearer and (when given) the JSON body.</summary>
    internal RecordedRequest AssertSent(string method, string path, string query, string bearer, string? jsonBody = null)
    {
        var request = Server.SingleRequest;
        Assert.Equal(method, request.Method);
        Assert.Equal(path, request.Path);
        Assert.Equal(query, request.Query);
        Assert.Equal($"Bearer {bearer}", request.Authorization);
        if (jsonBody is null)
        {
            Assert.Equal("", request.Body);
            Assert.Null(request.ContentType);
        }
        else
        {
            Assert.Equal("application/json", request.ContentType);
            AssertJson.Equal(jsonBody, request.Body);
        }

        return request;
    }
}
