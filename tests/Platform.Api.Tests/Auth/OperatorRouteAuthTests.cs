using System.Net;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Auth;

/// <summary>Every operator route refuses a missing header (401), a wrong key, a tenant key and a token (403).</summary>
[Collection(PlatformCollection.Name)]
public sealed class OperatorRouteAuthTests(PlatformFixture fixture)
{
    private const string MissingHeader = "The Authorization header is missing. It must use the bearer authorization method.";
    private const string InvalidKey = "The provided API key is invalid.";

    public static TheoryData<string, string> OperatorRoutes => new()
    {
        { "GET", "/version" },
        { "POST", "/indexes" },
        { "GET", "/indexes" },
        { "GET", "/indexes/products" },
        { "PATCH", "/indexes/products" },
        { "DELETE", "/indexes/products" },
        { "GET", "/indexes/products/settings" },
        { "PATCH", "/indexes/products/settings" },
        { "DELETE", "/indexes/products/settings" },
        { "GET", "/indexes/products/settings/filterable-attributes" },
        { "PUT", "/indexes/products/settings/filterable-attributes" },
        { "DELETE", "/indexes/products/settings/filterable-attributes" },
        { "GET", "/indexes/products/settings/sortable-attributes" },
        { "PUT", "/indexes/products/settings/sortable-attributes" },
        { "GET", "/indexes/products/settings/searchable-attributes" },
        { "PUT", "/indexes/products/settings/searchable-attributes" },
        { "GET", "/indexes/products/settings/displayed-attributes" },
        { "PUT", "/indexes/products/settings/displayed-attributes" },
        { "POST", "/tenants" },
        { "GET", "/tenants" },
        { "GET", "/tenants/acme" },
        { "PATCH", "/tenants/acme" },
        { "DELETE", "/tenants/acme" },
        { "POST", "/tenants/acme/keys" },
        { "GET", "/tenants/acme/keys" },
        { "GET", "/tenants/acme/keys/00000000-0000-0000-0000-000000000000" },
        { "PATCH", "/tenants/acme/keys/00000000-0000-0000-0000-000000000000" },
        { "DELETE", "/tenants/acme/keys/00000000-0000-0000-0000-000000000000" },
        { "POST", "/backups" },
    };

    /// <summary>Routes open to tenant keys too, but never without a valid key.</summary>
    public static TheoryData<string, string> SharedRoutes => new()
    {
        { "GET", "/tasks" },
        { "GET", "/tasks/0" },
        { "GET", "/indexes/products/documents" },
        { "POST", "/indexes/products/search" },
        { "POST", "/multi-search" },
    };

    [Theory]
    [MemberData(nameof(OperatorRoutes))]
    [MemberData(nameof(SharedRoutes))]
    public async Task No_header_is_401(string method, string path)
    {
        var reply = await fixture.Client.SendAsync(new HttpMethod(method), path, Body(method), authorize: false);
        reply.ShouldFail(HttpStatusCode.Unauthorized, "missing_authorization_header", MissingHeader);
    }

    [Theory]
    [MemberData(nameof(OperatorRoutes))]
    [MemberData(nameof(SharedRoutes))]
    public async Task Wrong_key_is_403(string method, string path)
    {
        var reply = await fixture.Client.SendAsync(new HttpMethod(method), path, Body(method), bearer: "not-the-master-key");
        reply.ShouldFail(HttpStatusCode.Forbidden, "invalid_api_key", InvalidKey);
    }

    [Theory]
    [MemberData(nameof(OperatorRoutes))]
    public async Task Tenant_key_with_every_action_is_403(string method, string path)
    {
        var tenant = await fixture.Client.CreateTenantAsync();
        var key = await fixture.Client.CreateKeyAsync(tenant, actions: ["*"], indexes: ["*"]);
        var reply = await fixture.Client.SendAsync(new HttpMethod(method), path, Body(method), bearer: key["key"]!.GetValue<string>());
        reply.ShouldFail(HttpStatusCode.Forbidden, "invalid_api_key", InvalidKey);
    }

    [Theory]
    [MemberData(nameof(OperatorRoutes))]
    public async Task Tenant_token_is_403(string method, string path)
    {
        // The worked example token of docs/architecture.md#grains (signed with a derived key of MASTER_KEY).
        const string token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzZWFyY2hSdWxlcyI6eyJzYWxlcyI6eyJmaWx0ZXIiOiJjb2xvciA9IGJsdWUifX0sImFwaUtleVVpZCI6IjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMCIsImV4cCI6NDEwMjQ0NDgwMH0.ZpJSdutasWQi_sjatzJkGh_f1b0bjZQuVzxm9wcLnRQ";
        var reply = await fixture.Client.SendAsync(new HttpMethod(method), path, Body(method), bearer: token);
        reply.ShouldFail(HttpStatusCode.Forbidden, "invalid_api_key", InvalidKey);
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
