using System.Net;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Tenants;

[Collection(PlatformCollection.Name)]
public sealed class TenantsApiTests(PlatformFixture fixture)
{
    private PlatformClient Client => fixture.Client;

    [Fact]
    public async Task Create_get_update_and_delete_a_tenant()
    {
        var uid = "acme-" + Guid.NewGuid().ToString("N")[..8];
        var created = await Client.PostAsync("/tenants", new
        {
            uid,
            name = "Acme",
            rules = new Dictionary<string, object> { ["products"] = new { filter = "brand = acme" } },
            limits = new { searchesPerSecond = 10, burst = 20 },
        });
        created.ShouldBe(HttpStatusCode.Created);
        Assert.Equal(["uid", "name", "status", "rules", "limits", "createdAt", "updatedAt"],
            created.Json!.AsObject().Select(p => p.Key).ToArray());
        Assert.Equal("active", created.Json["status"]!.GetValue<string>());
        Assert.Equal(10, created.Json["limits"]!["searchesPerSecond"]!.GetValue<long>());
        Assert.Null(created.Json["limits"]!["maxDocuments"]);

        var fetched = await Client.GetAsync($"/tenants/{uid}");
        fetched.ShouldBe(HttpStatusCode.OK);
        Assert.Equal(created.Json.ToJsonString(), fetched.Json!.ToJsonString());

        var updated = await Client.PatchAsync($"/tenants/{uid}", new { name = "Acme Corp", status = "suspended" });
        updated.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Acme Corp", updated.Json!["name"]!.GetValue<string>());
        Assert.Equal("suspended", updated.Json["status"]!.GetValue<string>());
        Assert.Equal("brand = acme", updated.Json["rules"]!["products"]!["filter"]!.GetValue<string>());

        // Rules are stored canonically: map entries sorted, a rule without filter written as null.
        var canonical = await Client.PatchAsync($"/tenants/{uid}", new Dictionary<string, object>
        {
            ["rules"] = new Dictionary<string, object?> { ["sales"] = new { }, ["products"] = new { filter = "a = 1" } },
        });
        Assert.Equal("""{"products":{"filter":"a = 1"},"sales":null}""", canonical.ShouldBe(HttpStatusCode.OK).Json!["rules"]!.ToJsonString());

        var cleared = await Client.PatchAsync($"/tenants/{uid}", new { rules = (object?)null });
        Assert.Null(cleared.ShouldBe(HttpStatusCode.OK).Json!["rules"]);

        var deleted = await Client.DeleteAsync($"/tenants/{uid}");
        deleted.ShouldBe(HttpStatusCode.Accepted);
        Assert.Equal("tenantDeletion", deleted.Json!["type"]!.GetValue<string>());
        var task = await Client.GetAsync($"/tasks/{deleted.Json["taskUid"]}");
        Assert.Equal("succeeded", task.ShouldBe(HttpStatusCode.OK).Json!["status"]!.GetValue<string>());

        (await Client.GetAsync($"/tenants/{uid}")).ShouldFail(HttpStatusCode.NotFound, "tenant_not_found", $"Tenant `{uid}` not found.");
    }

    [Fact]
    public async Task Deleting_a_tenant_deletes_its_keys()
    {
        var tenant = await Client.CreateTenantAsync();
        var key = await Client.CreateKeyAsync(tenant);
        (await Client.DeleteAsync($"/tenants/{tenant}")).ShouldBe(HttpStatusCode.Accepted);

        // Re-creating the tenant does not resurrect the old key.
        await Client.CreateTenantAsync(tenant);
        var keys = await Client.GetAsync($"/tenants/{tenant}/keys");
        Assert.Empty(keys.ShouldBe(HttpStatusCode.OK).Json!["results"]!.AsArray());
        (await Client.GetAsync($"/tenants/{tenant}/keys/{key["uid"]}")).ShouldFail(HttpStatusCode.NotFound, "api_key_not_found");
    }

    [Fact]
    public async Task Listing_pages_through_tenants()
    {
        var prefix = "list-" + Guid.NewGuid().ToString("N")[..6];
        foreach (var i in Enumerable.Range(0, 3)) await Client.CreateTenantAsync($"{prefix}-{i}");

        var all = (await Client.GetAsync("/tenants?limit=1000")).ShouldBe(HttpStatusCode.OK).Json!;
        var uids = all["results"]!.AsArray().Select(t => t!["uid"]!.GetValue<string>()).ToList();
        Assert.Equal(uids.Order(StringComparer.Ordinal), uids);
        Assert.Contains($"{prefix}-1", uids);
        Assert.Equal(all["total"]!.GetValue<int>(), uids.Count);

        var second = (await Client.GetAsync("/tenants?offset=1&limit=1")).ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Equal(uids[1], second["results"]![0]!["uid"]!.GetValue<string>());
        Assert.Equal(1, second["offset"]!.GetValue<int>());
        Assert.Equal(1, second["limit"]!.GetValue<int>());
    }

    [Fact]
    public async Task Duplicate_uid_is_409_and_keeps_the_first()
    {
        var uid = await Client.CreateTenantAsync();
        (await Client.PostAsync("/tenants", new { uid, name = "other" }))
            .ShouldFail(HttpStatusCode.Conflict, "tenant_already_exists", $"Tenant `{uid}` already exists.");
        Assert.Null((await Client.GetAsync($"/tenants/{uid}")).Json!["name"]);
    }

    public static TheoryData<string, HttpStatusCode, string> InvalidCreations => new()
    {
        { """{"uid":"Bad_Uid"}""", HttpStatusCode.BadRequest, "invalid_tenant_uid" },
        { """{"uid":"-starts-with-hyphen"}""", HttpStatusCode.BadRequest, "invalid_tenant_uid" },
        { $$"""{"uid":"{{new string('a', 65)}}"}""", HttpStatusCode.BadRequest, "invalid_tenant_uid" },
        { """{"uid":12}""", HttpStatusCode.BadRequest, "invalid_tenant_uid" },
        { """{"name":"no uid"}""", HttpStatusCode.BadRequest, "missing_tenant_uid" },
        { """{"uid":"ok-uid","doggo":1}""", HttpStatusCode.BadRequest, "bad_request" },
        { """{"uid":"ok-uid","rules":"products"}""", HttpStatusCode.BadRequest, "invalid_search_rules" },
        { """{"uid":"ok-uid","rules":{"products":"brand = a"}}""", HttpStatusCode.BadRequest, "invalid_search_rules" },
        { """{"uid":"ok-uid","rules":[1]}""", HttpStatusCode.BadRequest, "invalid_search_rules" },
        { """{"uid":"ok-uid","rules":{"products":{"filter":"brand = acme OR"}}}""", HttpStatusCode.BadRequest, "invalid_search_rules" },
        { """{"uid":"ok-uid","rules":{"products":{"filter":["a = 1", true]}}}""", HttpStatusCode.BadRequest, "invalid_search_rules" },
        { """{"uid":"ok-uid","rules":{"products":{"filter":"_tenant = other"}}}""", HttpStatusCode.BadRequest, "reserved_attribute" },
        { """{"uid":"ok-uid","limits":{"searchesPerSecond":-1}}""", HttpStatusCode.BadRequest, "invalid_tenant_limits" },
        { """{"uid":"ok-uid","limits":{"perHour":1}}""", HttpStatusCode.BadRequest, "invalid_tenant_limits" },
        { """{"uid":"ok-uid","name":["x"]}""", HttpStatusCode.BadRequest, "invalid_tenant_name" },
        { """{"uid":"ok-uid",""", HttpStatusCode.BadRequest, "malformed_payload" },
        { """["ok-uid"]""", HttpStatusCode.BadRequest, "bad_request" },
    };

    [Theory]
    [MemberData(nameof(InvalidCreations))]
    public async Task Invalid_creation_is_refused_and_creates_nothing(string body, HttpStatusCode status, string code)
    {
        var before = await TenantCount();
        (await Client.SendAsync(HttpMethod.Post, "/tenants", body)).ShouldFail(status, code);
        Assert.Equal(before, await TenantCount());
        (await Client.GetAsync("/tenants/ok-uid")).ShouldFail(HttpStatusCode.NotFound, "tenant_not_found");
    }

    [Theory]
    [InlineData("text/plain", "invalid_content_type", "The Content-Type `text/plain` is invalid. Accepted values for the Content-Type header are: `application/json`")]
    [InlineData("application/x-www-form-urlencoded", "invalid_content_type", null)]
    public async Task Wrong_content_type_is_415(string contentType, string code, string? message)
    {
        var reply = await Client.SendAsync(HttpMethod.Post, "/tenants", """{"uid":"ct-test"}""", contentType: contentType);
        reply.ShouldFail(HttpStatusCode.UnsupportedMediaType, code, message);
        (await Client.GetAsync("/tenants/ct-test")).ShouldFail(HttpStatusCode.NotFound, "tenant_not_found");
    }

    [Fact]
    public async Task Missing_content_type_is_415()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/tenants")
        {
            Content = new ByteArrayContent("""{"uid":"ct-missing"}"""u8.ToArray()),
        };
        request.Headers.Authorization = new("Bearer", Client.MasterKey);
        (await Client.SendAsync(request)).ShouldFail(HttpStatusCode.UnsupportedMediaType, "missing_content_type",
            "A Content-Type header is missing. Accepted values for the Content-Type header are: `application/json`");
    }

    [Theory]
    [InlineData("""{"status":"paused"}""", "invalid_tenant_status")]
    [InlineData("""{"uid":"renamed"}""", "immutable_tenant_uid")]
    [InlineData("""{"rules":{"products":{"filter":"brand = "}}}""", "invalid_search_rules")]
    [InlineData("""{"limits":{"burst":"ten"}}""", "invalid_tenant_limits")]
    [InlineData("""{"unknown":true}""", "bad_request")]
    public async Task Invalid_update_changes_nothing(string body, string code)
    {
        var uid = await Client.CreateTenantAsync(rules: new Dictionary<string, object?> { ["products"] = new { filter = "brand = acme" } });
        var before = (await Client.GetAsync($"/tenants/{uid}")).Json!.ToJsonString();
        (await Client.SendAsync(HttpMethod.Patch, $"/tenants/{uid}", body)).ShouldFail(HttpStatusCode.BadRequest, code);
        Assert.Equal(before, (await Client.GetAsync($"/tenants/{uid}")).Json!.ToJsonString());
    }

    [Fact]
    public async Task Unknown_and_invalid_tenant_uids_in_routes()
    {
        (await Client.GetAsync("/tenants/nobody-here")).ShouldFail(HttpStatusCode.NotFound, "tenant_not_found");
        (await Client.DeleteAsync("/tenants/nobody-here")).ShouldFail(HttpStatusCode.NotFound, "tenant_not_found");
        (await Client.GetAsync("/tenants/Not_Valid")).ShouldFail(HttpStatusCode.BadRequest, "invalid_tenant_uid");
        (await Client.GetAsync("/tenants?limit=doggo")).ShouldFail(HttpStatusCode.BadRequest, "invalid_tenant_limit",
            "Invalid value in parameter `limit`: could not parse `doggo` as a positive integer");
    }

    private async Task<int> TenantCount() =>
        (await Client.GetAsync("/tenants?limit=0")).ShouldBe(HttpStatusCode.OK).Json!["total"]!.GetValue<int>();
}
