using System.Net;
using Platform.Api.Auth;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Auth;

/// <summary>
/// Every operator route refuses a missing header (401), a wrong key, a tenant key and a token (403); every route that
/// needs a credential refuses a missing header and a wrong key. The routes come from the endpoint metadata.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class OperatorRouteAuthTests(PlatformFixture fixture)
{
    private const string MissingHeader = "The Authorization header is missing. It must use the bearer authorization method.";
    private const string InvalidKey = "The provided API key is invalid.";

    /// <summary>Master-key routes, from the endpoint metadata (<c>/metrics</c> is open on loopback, where tests run).</summary>
    private IReadOnlyList<DeclaredRoute> OperatorRoutes =>
        DeclaredRoutes.Where<MasterKeyAccess>(fixture.Server.Services, access => !access.OpenOnLoopback);

    /// <summary>Every route that needs a credential of any kind: never without a valid one.</summary>
    private IReadOnlyList<DeclaredRoute> CredentialRoutes =>
        DeclaredRoutes.Where<RouteAccess>(fixture.Server.Services, access => access is not OpenAccess and not MasterKeyAccess { OpenOnLoopback: true });

    [Fact]
    public void The_route_tables_are_not_empty()
    {
        Assert.Contains(OperatorRoutes, r => r.ToString() == "POST /tenants");
        Assert.Contains(OperatorRoutes, r => r.ToString() == "GET /version");
        Assert.Contains(CredentialRoutes, r => r.ToString() == "GET /tasks");
        Assert.Contains(CredentialRoutes, r => r.ToString() == "POST /multi-search");
    }

    [Fact]
    public async Task No_header_is_401()
    {
        foreach (var route in CredentialRoutes)
        {
            var reply = await fixture.Client.SendAsync(new HttpMethod(route.Method), route.Path, Body(route.Method), authorize: false);
            route.Because(() => reply.ShouldFail(HttpStatusCode.Unauthorized, "missing_authorization_header", MissingHeader));
        }
    }

    [Fact]
    public async Task Wrong_key_is_403()
    {
        foreach (var route in CredentialRoutes)
        {
            var reply = await fixture.Client.SendAsync(new HttpMethod(route.Method), route.Path, Body(route.Method), bearer: "not-the-master-key");
            route.Because(() => reply.ShouldFail(HttpStatusCode.Forbidden, "invalid_api_key", InvalidKey));
        }
    }

    [Fact]
    public async Task Tenant_key_with_every_action_is_403()
    {
        var tenant = await fixture.Client.CreateTenantAsync();
        var key = await fixture.Client.CreateKeyAsync(tenant, actions: ["*"], indexes: ["*"]);
        foreach (var route in OperatorRoutes)
        {
            var reply = await fixture.Client.SendAsync(new HttpMethod(route.Method), route.Path, Body(route.Method), bearer: key["key"]!.GetValue<string>());
            route.Because(() => reply.ShouldFail(HttpStatusCode.Forbidden, "invalid_api_key", InvalidKey));
        }
    }

    [Fact]
    public async Task Tenant_token_is_403()
    {
        // The worked example token of docs/architecture.md#grains (signed with a derived key of MASTER_KEY).
        const string token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzZWFyY2hSdWxlcyI6eyJzYWxlcyI6eyJmaWx0ZXIiOiJjb2xvciA9IGJsdWUifX0sImFwaUtleVVpZCI6IjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMCIsImV4cCI6NDEwMjQ0NDgwMH0.ZpJSdutasWQi_sjatzJkGh_f1b0bjZQuVzxm9wcLnRQ";
        foreach (var route in OperatorRoutes)
        {
            var reply = await fixture.Client.SendAsync(new HttpMethod(route.Method), route.Path, Body(route.Method), bearer: token);
            route.Because(() => reply.ShouldFail(HttpStatusCode.Forbidden, "invalid_api_key", InvalidKey));
        }
    }

    [Theory]
    [InlineData("Bearer", HttpStatusCode.Forbidden, "invalid_api_key")]
    [InlineData("Bearer ", HttpStatusCode.Forbidden, "invalid_api_key")]
    [InlineData("bearer MASTER_KEY", HttpStatusCode.Unauthorized, "missing_authorization_header")]
    [InlineData("Basic MASTER_KEY", HttpStatusCode.Unauthorized, "missing_authorization_header")]
    [InlineData("Bearer  MASTER_KEY", HttpStatusCode.Forbidden, "invalid_api_key")]
    public async Task Header_shape_follows_meilisearch(string header, HttpStatusCode status, string code)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/tenants");
        request.Headers.TryAddWithoutValidation("Authorization", header);
        var reply = await fixture.Client.SendAsync(request);
        reply.ShouldFail(status, code);
    }

    [Fact]
    public async Task Health_is_open_and_master_key_reaches_version()
    {
        var health = await fixture.Client.SendAsync(HttpMethod.Get, "/health", authorize: false);
        health.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("""{"status":"available"}""", health.Json!.ToJsonString());

        var version = await fixture.Client.GetAsync("/version");
        version.ShouldBe(HttpStatusCode.OK);
        Assert.NotNull(version.Json!["pkgVersion"]);
    }

    [Fact]
    public async Task Unknown_route_answers_in_meilisearch_shape()
    {
        var reply = await fixture.Client.GetAsync("/no-such-route");
        reply.ShouldFail(HttpStatusCode.NotFound, "not_found");
    }

    [Theory]
    [InlineData("PUT", "/health")]
    [InlineData("DELETE", "/indexes/products/search")]
    [InlineData("PATCH", "/tasks")]
    public async Task A_known_route_with_another_method_answers_in_meilisearch_shape(string method, string path)
    {
        var reply = await fixture.Client.SendAsync(new HttpMethod(method), path, Body(method));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, reply.Status);
        Assert.Equal("method_not_allowed", reply.Code);
        Assert.Equal(["message", "code", "type", "link"], reply.Json!.AsObject().Select(p => p.Key));
    }

    private static object? Body(string method) => method is "POST" or "PATCH" or "PUT" ? "{}" : null;
}
