using System.Net;
using System.Text.Json.Nodes;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Documents;

/// <summary>
/// Over HTTP, two tenants sharing an index: a failed batch leaves nothing behind, a tenant cannot choose the primary
/// key, and delete all stops at the tenant's rule filter (docs/api-reference.md#documents).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class DocumentIntegrityApiTests(PlatformFixture fixture)
{
    private PlatformClient Client => fixture.Client;

    private async Task<string> NewIndex(string? primaryKey)
    {
        var uid = "integ_" + Guid.NewGuid().ToString("N")[..8];
        (await Client.PostAsync("/indexes", new { uid, primaryKey })).ShouldBe(HttpStatusCode.Accepted);
        (await Client.PatchAsync($"/indexes/{uid}/settings", new { filterableAttributes = new[] { "color" } })).ShouldBe(HttpStatusCode.Accepted);
        return uid;
    }

    private async Task<string> NewTenantKey(object? rules = null)
    {
        var uid = await Client.CreateTenantAsync(rules: rules);
        return (await Client.CreateKeyAsync(uid, ["*"], ["*"]))["key"]!.GetValue<string>();
    }

    private async Task<JsonNode> Finished(Reply enqueued, string key)
    {
        enqueued.ShouldBe(HttpStatusCode.Accepted);
        return (await Client.GetAsync($"/tasks/{enqueued.Json!["taskUid"]}", key)).ShouldBe(HttpStatusCode.OK).Json!;
    }

    private async Task<int> Total(string index, string key) =>
        (await Client.GetAsync($"/indexes/{index}/documents", key)).ShouldBe(HttpStatusCode.OK).Json!["total"]!.GetValue<int>();

    [Fact]
    public async Task A_failed_batch_is_a_failed_task_and_no_later_write_commits_any_of_it()
    {
        var index = await NewIndex("id");
        var alice = await NewTenantKey();
        var bob = await NewTenantKey();
        var immense = new JsonObject { ["id"] = 3, [new string('a', 33_000)] = 1 };
        var batch = new JsonArray(new JsonObject { ["id"] = 1 }, new JsonObject { ["id"] = 2 }, immense);

        var failed = await Finished(await Client.PostAsync($"/indexes/{index}/documents", batch, alice), alice);
        Assert.Equal("failed", failed["status"]!.GetValue<string>());
        Assert.Equal("invalid_document_value", failed["error"]!["code"]!.GetValue<string>());

        await Finished(await Client.PostAsync($"/indexes/{index}/documents", new[] { new { id = 9 } }, bob), bob);
        Assert.Equal(0, await Total(index, alice));
        Assert.Equal(1, await Total(index, bob));
    }

    [Fact]
    public async Task A_tenant_primary_key_parameter_must_match_the_operators()
    {
        var index = await NewIndex(primaryKey: null);
        var alice = await NewTenantKey();
        var bob = await NewTenantKey();

        var chosen = await Finished(await Client.PostAsync($"/indexes/{index}/documents?primaryKey=color", new[] { new { id = 1, color = "red" } }, alice), alice);
        Assert.Equal("invalid_index_primary_key", chosen["error"]!["code"]!.GetValue<string>());
        Assert.Null((await Client.GetAsync($"/indexes/{index}")).Json!["primaryKey"]?.GetValue<string>());

        (await Client.PatchAsync($"/indexes/{index}", new { primaryKey = "id" })).ShouldBe(HttpStatusCode.Accepted);
        var matching = await Finished(await Client.PostAsync($"/indexes/{index}/documents?primaryKey=id", new[] { new { id = 1, color = "red" } }, bob), bob);
        Assert.Equal("succeeded", matching["status"]!.GetValue<string>());
        var other = await Finished(await Client.PostAsync($"/indexes/{index}/documents?primaryKey=color", new[] { new { id = 2, color = "red" } }, alice), alice);
        Assert.Equal("index_primary_key_already_exists", other["error"]!["code"]!.GetValue<string>());
        Assert.Equal("id", (await Client.GetAsync($"/indexes/{index}")).Json!["primaryKey"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delete_all_honours_the_rule_filter_like_delete_by_filter()
    {
        var index = await NewIndex("id");
        var alice = await NewTenantKey(new Dictionary<string, object> { [index] = new { filter = "color = red" } });
        var bob = await NewTenantKey();
        var docs = new[] { new { id = 1, color = "red" }, new { id = 2, color = "blue" } };
        await Finished(await Client.PostAsync($"/indexes/{index}/documents", docs, alice), alice);
        await Finished(await Client.PostAsync($"/indexes/{index}/documents", docs, bob), bob);

        var deleted = await Finished(await Client.DeleteAsync($"/indexes/{index}/documents", alice), alice);
        Assert.Equal(1, deleted["details"]!["deletedDocuments"]!.GetValue<int>());
        Assert.Equal(2, await Total(index, bob));

        // By id, the tenant still reaches its own hidden document (docs/api-reference.md#documents).
        (await Client.GetAsync($"/indexes/{index}/documents/2", alice)).ShouldBe(HttpStatusCode.OK);
    }
}
