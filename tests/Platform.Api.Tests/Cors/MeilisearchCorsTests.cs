using System.Net;
using System.Text.Json.Nodes;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Cors;

/// <summary>
/// With the default <c>Platform:Cors</c> (any origin, as Meilisearch), a browser on another origin can call
/// Meilisearch's routes with a tenant key or token; operator routes never answer CORS; isolation is unchanged.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class MeilisearchCorsTests(PlatformFixture fixture)
{
    private const string Origin = "https://shop.example.com";

    private PlatformClient Client => fixture.Client;

    [Fact]
    public async Task A_preflight_on_the_search_route_allows_the_origin_the_method_and_the_client_headers()
    {
        var reply = await Client.SendAsync(CorsRequests.Preflight("/indexes/products/search", Origin));

        Assert.Equal(HttpStatusCode.NoContent, reply.Status);
        Assert.Equal("*", reply.Header(CorsRequests.AllowOrigin));
        Assert.Contains("post", reply.Items("Access-Control-Allow-Methods"));
        var headers = reply.Items("Access-Control-Allow-Headers");
        Assert.Contains("authorization", headers);
        Assert.Contains("content-type", headers);
        Assert.Contains("x-meilisearch-client", headers);
    }

    [Theory]
    [InlineData("/multi-search", "POST")]
    [InlineData("/indexes/products/facet-search", "POST")]
    [InlineData("/indexes/products/search", "GET")]
    [InlineData("/indexes/products/documents", "PUT")]
    [InlineData("/indexes/products/documents/1", "DELETE")]
    [InlineData("/indexes", "GET")]
    [InlineData("/indexes/products", "PATCH")]
    [InlineData("/indexes/products/settings", "PATCH")]
    [InlineData("/tasks/1", "GET")]
    [InlineData("/health", "GET")]
    [InlineData("/version", "GET")]
    public async Task Every_Meilisearch_route_answers_a_preflight(string path, string method)
    {
        var reply = await Client.SendAsync(CorsRequests.Preflight(path, Origin, method));

        Assert.Equal(HttpStatusCode.NoContent, reply.Status);
        Assert.Equal("*", reply.Header(CorsRequests.AllowOrigin));
        Assert.Contains(method.ToLowerInvariant(), reply.Items("Access-Control-Allow-Methods"));
    }

    [Theory]
    [InlineData("/tenants", "POST")]
    [InlineData("/tenants/acme", "GET")]
    [InlineData("/tenants/acme/keys", "POST")]
    [InlineData("/tenants/acme/tokens", "POST")]
    [InlineData("/metrics", "GET")]
    [InlineData("/openapi/v1.json", "GET")]
    public async Task Operator_routes_give_a_preflight_no_CORS_header(string path, string method)
    {
        // A raw client: /metrics answers any method with Prometheus text, not JSON.
        using var http = new HttpClient { BaseAddress = fixture.Server.Address };
        using var reply = await http.SendAsync(CorsRequests.Preflight(path, Origin, method));

        Assert.NotEqual(HttpStatusCode.NoContent, reply.StatusCode);
        Assert.False(reply.Headers.Contains(CorsRequests.AllowOrigin));
        Assert.False(reply.Headers.Contains("Access-Control-Allow-Methods"));
        Assert.False(reply.Headers.Contains("Access-Control-Allow-Headers"));
    }

    [Fact]
    public async Task An_operator_route_called_from_another_origin_carries_no_CORS_header()
    {
        var reply = await Client.SendAsync(CorsRequests.Post("/tenants", new { uid = "cors-" + Guid.NewGuid().ToString("N")[..8] }, Client.MasterKey, Origin));

        reply.ShouldBe(HttpStatusCode.Created);
        Assert.Null(reply.Header(CorsRequests.AllowOrigin));
    }

    [Fact]
    public async Task An_OPTIONS_that_is_no_preflight_still_gets_the_405_error()
    {
        var reply = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/indexes/products/search"));

        reply.ShouldFail(HttpStatusCode.MethodNotAllowed, "method_not_allowed");
    }

    [Fact]
    public async Task Tenant_keys_and_tokens_search_from_another_origin_and_each_tenant_still_sees_only_its_documents()
    {
        var index = "cors_" + Guid.NewGuid().ToString("N")[..8];
        (await Client.PostAsync("/indexes", new { uid = index, primaryKey = "id" })).ShouldBe(HttpStatusCode.Accepted);
        (await Client.PatchAsync($"/indexes/{index}/settings", new { filterableAttributes = new[] { "owner" } })).ShouldBe(HttpStatusCode.Accepted);
        var tenantA = await Client.CreateTenantAsync();
        var tenantB = await Client.CreateTenantAsync();
        var keyA = await WriterKey(tenantA);
        var keyB = await WriterKey(tenantB);
        await Write(index, keyA, tenantA);
        await Write(index, keyB, tenantB);
        var tokenB = (await Client.PostAsync($"/tenants/{tenantB}/tokens", new { searchRules = new[] { "*" } }))
            .ShouldBe(HttpStatusCode.Created).Json!["token"]!.GetValue<string>();

        // The same colliding ids exist for both tenants; every hit must be the caller's own.
        foreach (var (bearer, owner) in new[] { (keyA, tenantA), (keyB, tenantB), (tokenB, tenantB) })
        {
            var preflight = await Client.SendAsync(CorsRequests.Preflight($"/indexes/{index}/search", Origin));
            Assert.Equal("*", preflight.Header(CorsRequests.AllowOrigin));

            var found = (await Client.SendAsync(CorsRequests.Post($"/indexes/{index}/search", new { q = "" }, bearer, Origin)))
                .ShouldBe(HttpStatusCode.OK);
            Assert.Equal("*", found.Header(CorsRequests.AllowOrigin));
            var hits = found.Json!["hits"]!.AsArray();
            Assert.Equal(["1", "2", "3"], hits.Select(h => h!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal));
            Assert.All(hits, h => Assert.Equal(owner, h!["owner"]!.GetValue<string>()));
        }

        // A crafted filter naming tenant A, sent with B's token from another origin, still finds none of A's documents.
        var multi = (await Client.SendAsync(CorsRequests.Post("/multi-search",
            new { queries = new[] { new { indexUid = index, q = "", filter = $"owner = \"{tenantA}\"" } } }, tokenB, Origin)))
            .ShouldBe(HttpStatusCode.OK);
        Assert.Equal("*", multi.Header(CorsRequests.AllowOrigin));
        Assert.Empty(multi.Json!["results"]![0]!["hits"]!.AsArray());
    }

    private async Task<string> WriterKey(string tenant) =>
        (await Client.CreateKeyAsync(tenant, ["search", "documents.add", "tasks.get"], ["*"]))["key"]!.GetValue<string>();

    private async Task Write(string index, string key, string owner)
    {
        var documents = new[] { "1", "2", "3" }.Select(id => new JsonObject { ["id"] = id, ["owner"] = owner }).ToArray();
        var enqueued = (await Client.PostAsync($"/indexes/{index}/documents", documents, key)).ShouldBe(HttpStatusCode.Accepted);
        var task = (await Client.GetAsync($"/tasks/{enqueued.Json!["taskUid"]}", key)).ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Equal("succeeded", task["status"]!.GetValue<string>());
    }
}
