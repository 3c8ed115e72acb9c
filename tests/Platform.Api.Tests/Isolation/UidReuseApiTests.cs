using System.Net;
using Platform.Api.Tests.Infrastructure;
using Platform.Api.Tests.Tokens;

namespace Platform.Api.Tests.Isolation;

/// <summary>
/// What a deleted key or tenant leaves behind never serves anybody else: a deleted key's uid cannot be taken again
/// (its value and tokens would come back for the new owner), and a tenant re-created under a deleted tenant's uid
/// reads none of the old tenant's tasks, keys or tokens.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class UidReuseApiTests(PlatformFixture fixture)
{
    private PlatformClient Client => fixture.Client;

    private async Task<string> NewIndex()
    {
        var index = "reuse_" + Guid.NewGuid().ToString("N")[..8];
        (await Client.PostAsync("/indexes", new { uid = index, primaryKey = "id" })).ShouldBe(HttpStatusCode.Accepted);
        return index;
    }

    [Fact]
    public async Task A_deleted_key_uid_cannot_be_taken_by_another_tenant()
    {
        var index = await NewIndex();
        var alice = await Client.CreateTenantAsync();
        var bob = await Client.CreateTenantAsync();
        var uid = Guid.NewGuid().ToString();
        var aliceKey = (await Client.CreateKeyAsync(alice, ["*"], ["*"], uid))["key"]!.GetValue<string>();
        var token = (await Client.PostAsync($"/tenants/{alice}/tokens", new { searchRules = new[] { "*" }, apiKeyUid = uid }))
            .ShouldBe(HttpStatusCode.Created).Json!["token"]!.GetValue<string>();
        (await Client.PostAsync($"/indexes/{index}/documents", new[] { new { id = 1, title = "bob's" } }, aliceKey)).ShouldBe(HttpStatusCode.Accepted);
        (await Client.DeleteAsync($"/tenants/{alice}/keys/{uid}")).ShouldBe(HttpStatusCode.NoContent);

        foreach (var tenant in new[] { bob, alice })
        {
            (await Client.PostAsync($"/tenants/{tenant}/keys", new { uid, actions = new[] { "*" }, indexes = new[] { "*" }, expiresAt = (string?)null }))
                .ShouldFail(HttpStatusCode.Conflict, "api_key_already_exists");
        }

        // Alice's old key and token stay dead: they would have acted as Bob had he got the uid.
        (await Client.PostAsync($"/indexes/{index}/search", new { }, aliceKey)).ShouldFail(HttpStatusCode.Forbidden, "invalid_api_key");
        foreach (var route in TokenSearch.AllRoutes)
        {
            Assert.NotEqual(HttpStatusCode.OK, (await Client.SearchAsToken(route, index, token)).Status);
        }

        Assert.Equal(0, (await Client.GetAsync($"/tenants/{bob}/keys")).ShouldBe(HttpStatusCode.OK).Json!["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_re_created_tenant_inherits_no_task_key_or_token()
    {
        var index = await NewIndex();
        var uid = await Client.CreateTenantAsync();
        var other = await Client.CreateTenantAsync();
        var oldKey = (await Client.CreateKeyAsync(uid, ["*"], ["*"]))["key"]!.GetValue<string>();
        var otherKey = (await Client.CreateKeyAsync(other, ["*"], ["*"]))["key"]!.GetValue<string>();
        var oldToken = (await Client.PostAsync($"/tenants/{uid}/tokens", new { searchRules = new[] { "*" } }))
            .ShouldBe(HttpStatusCode.Created).Json!["token"]!.GetValue<string>();
        var oldTask = (await Client.PostAsync($"/indexes/{index}/documents", new[] { new { id = 1, secret = "old" } }, oldKey))
            .ShouldBe(HttpStatusCode.Accepted).Json!["taskUid"]!.GetValue<long>();
        var otherTask = (await Client.PostAsync($"/indexes/{index}/documents/delete", new { filter = "id = 1" }, otherKey))
            .ShouldBe(HttpStatusCode.Accepted).Json!["taskUid"]!.GetValue<long>();
        (await Client.GetAsync($"/tasks/{oldTask}", oldKey)).ShouldBe(HttpStatusCode.OK);

        (await Client.DeleteAsync($"/tenants/{uid}")).ShouldBe(HttpStatusCode.Accepted);
        Assert.Equal(uid, await Client.CreateTenantAsync(uid));
        var newKey = (await Client.CreateKeyAsync(uid, ["*"], ["*"]))["key"]!.GetValue<string>();

        (await Client.GetAsync($"/tasks/{oldTask}", newKey)).ShouldFail(HttpStatusCode.NotFound, "task_not_found");
        (await Client.GetAsync($"/tasks/{otherTask}", newKey)).ShouldFail(HttpStatusCode.NotFound, "task_not_found");
        var listed = (await Client.GetAsync("/tasks", newKey)).ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Equal(0, listed["total"]!.GetValue<int>());
        Assert.Equal(1, (await Client.GetAsync($"/tenants/{uid}/keys")).ShouldBe(HttpStatusCode.OK).Json!["total"]!.GetValue<int>());

        // The old key and token authenticate nothing; the old documents and tasks are gone, for the operator too.
        (await Client.GetAsync("/tasks", oldKey)).ShouldFail(HttpStatusCode.Forbidden, "invalid_api_key");
        foreach (var route in TokenSearch.AllRoutes)
        {
            Assert.NotEqual(HttpStatusCode.OK, (await Client.SearchAsToken(route, index, oldToken)).Status);
        }

        Assert.Empty((await Client.PostAsync($"/indexes/{index}/search", new { }, newKey)).ShouldBe(HttpStatusCode.OK).Json!["hits"]!.AsArray());
        (await Client.GetAsync($"/tasks/{oldTask}")).ShouldFail(HttpStatusCode.NotFound, "task_not_found");
    }
}
