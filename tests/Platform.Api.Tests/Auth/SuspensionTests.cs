using System.Net;
using Platform.Api.Auth;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Auth;

/// <summary>
/// A suspended tenant can do nothing: every route its keys or tokens reach refuses it with <c>tenant_suspended</c>
/// (the table is derived from the endpoint metadata), while another tenant sharing the index is unaffected, and
/// resuming restores access. A token verified before the suspension (held in the API's cache) is refused too.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class SuspensionTests(PlatformFixture fixture)
{
    private PlatformClient Client => fixture.Client;

    [Fact]
    public async Task A_suspended_tenant_is_refused_on_every_route_and_its_neighbour_is_not()
    {
        var index = "susp_" + Guid.NewGuid().ToString("N")[..8];
        (await Client.PostAsync("/indexes", new { uid = index, primaryKey = "id" })).ShouldBe(HttpStatusCode.Accepted);
        var a = await NewTenantAsync(index);
        var b = await NewTenantAsync(index);

        // A's token is verified (and cached) before the suspension.
        (await Client.PostAsync($"/indexes/{index}/search", new { q = "" }, a.Token)).ShouldBe(HttpStatusCode.OK);

        (await Client.PatchAsync($"/tenants/{a.Uid}", new { status = "suspended" })).ShouldBe(HttpStatusCode.OK);
        var routes = TenantReachableRoutes(a, index);
        Assert.NotEmpty(routes);
        foreach (var (route, bearer) in routes)
        {
            var reply = await Send(route, bearer, index);
            route.Because(() => reply.ShouldFail(HttpStatusCode.Forbidden, "tenant_suspended", $"Tenant `{a.Uid}` is suspended."));
        }

        foreach (var (route, bearer) in TenantReachableRoutes(b, index))
        {
            var reply = await Send(route, bearer, index);
            route.Because(() => Assert.True(reply.Status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden),
                $"tenant B refused: {(int)reply.Status} {reply.Json?.ToJsonString()}"));
        }

        (await Client.PatchAsync($"/tenants/{a.Uid}", new { status = "active" })).ShouldBe(HttpStatusCode.OK);
        foreach (var (route, bearer) in TenantReachableRoutes(a, index))
        {
            var reply = await Send(route, bearer, index);
            route.Because(() => Assert.True(reply.Status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden),
                $"resumed tenant A refused: {(int)reply.Status} {reply.Json?.ToJsonString()}"));
        }
    }

    /// <summary>Every declared route a tenant credential reaches, with the credential that reaches it.</summary>
    private List<(DeclaredRoute Route, string Bearer)> TenantReachableRoutes(TenantCredentials tenant, string index)
    {
        var values = new Dictionary<string, string> { ["uid"] = index, ["tenant"] = tenant.Uid, ["id"] = "1" };
        var services = fixture.Server.Services;
        var routes = new List<(DeclaredRoute, string)>();
        routes.AddRange(DeclaredRoutes.Where<TenantKeyAccess>(services, values: values).Select(r => (r, tenant.Key)));
        routes.AddRange(DeclaredRoutes.Where<MasterOrTenantKeyAccess>(services, values: values).Select(r => (r, tenant.Key)));
        foreach (var route in DeclaredRoutes.Where<SearchAccess>(services, values: values))
        {
            routes.Add((route, tenant.Key));
            routes.Add((route, tenant.Token));
        }

        return routes;
    }

    private Task<Reply> Send(DeclaredRoute route, string bearer, string index)
    {
        // A body each route accepts, so the neighbour's calls succeed rather than stop at validation.
        object? body = route.Path.EndsWith("/multi-search", StringComparison.Ordinal) ? new { queries = Array.Empty<object>() }
            : route.Path.EndsWith("/delete-batch", StringComparison.Ordinal) ? new[] { "1" }
            : route.Path.EndsWith("/documents/delete", StringComparison.Ordinal) ? new { filter = "id = 1" }
            : route.Path.EndsWith("/tokens", StringComparison.Ordinal) ? new { searchRules = new[] { index } }
            : route.Path.EndsWith("/facet-search", StringComparison.Ordinal) ? new { facetName = "id" }
            : route.Method is "POST" or "PUT" ? route.Path.EndsWith("/documents", StringComparison.Ordinal) ? new[] { new { id = 1 } } : new { }
            : route.Method is "PATCH" ? new { }
            : null;
        return Client.SendAsync(new HttpMethod(route.Method), route.Path, body, bearer);
    }

    private async Task<TenantCredentials> NewTenantAsync(string index)
    {
        var uid = await Client.CreateTenantAsync();
        var key = (await Client.CreateKeyAsync(uid, actions: ["*"], indexes: [index]))["key"]!.GetValue<string>();
        (await Client.PostAsync($"/indexes/{index}/documents", new[] { new { id = 1, owner = uid } }, key)).ShouldBe(HttpStatusCode.Accepted);
        var token = (await Client.PostAsync($"/tenants/{uid}/tokens", new { searchRules = new[] { index } })).ShouldBe(HttpStatusCode.Created)
            .Json!["token"]!.GetValue<string>();
        return new TenantCredentials(uid, key, token);
    }

    private sealed record TenantCredentials(string Uid, string Key, string Token);
}
