using System.Net;

namespace Platform.Api.Tests.Errors;

/// <summary>The same host on the Meilisearch engine: only settings change; an unreachable Meilisearch is a 503.</summary>
public sealed class MeilisearchEngineHostingTests
{
    [Fact]
    public async Task Search_answers_503_in_meilisearch_shape_when_meilisearch_is_down()
    {
        // A free port nobody listens on: connections are refused, as when Meilisearch is down.
        var deadPort = FreePort.Next();
        await using var server = await PlatformServer.StartAsync(extraArgs:
        [
            "--Platform:Search:Engine=meilisearch",
            $"--Platform:Search:Meilisearch:Url=http://127.0.0.1:{deadPort}",
            "--Platform:Search:Meilisearch:ApiKey=meili-master-key-for-tests",
            "--Platform:Search:Meilisearch:Resilience:MaxRetryAttempts=0",
        ]);
        var tenant = await server.Client.CreateTenantAsync();
        var key = (await server.Client.CreateKeyAsync(tenant))["key"]!.GetValue<string>();

        var reply = await server.Client.PostAsync("/indexes/products/search", new { q = "shoe" }, key);
        reply.ShouldFail(HttpStatusCode.ServiceUnavailable, "service_unavailable");
        Assert.Equal("10", reply.Headers.RetryAfter?.ToString());
    }
}
