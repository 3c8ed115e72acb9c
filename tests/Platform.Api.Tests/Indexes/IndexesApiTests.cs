using System.Net;
using System.Text.Json.Nodes;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Indexes;

[Collection(PlatformCollection.Name)]
public sealed class IndexesApiTests(PlatformFixture fixture)
{
    private PlatformClient Client => fixture.Client;

    private static string NewUid() => "idx_" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task Create_get_update_list_and_delete_an_index()
    {
        var uid = NewUid();
        var enqueued = (await Client.PostAsync("/indexes", new { uid, primaryKey = "id" })).ShouldBe(HttpStatusCode.Accepted).Json!;
        Assert.Equal(["taskUid", "indexUid", "status", "type", "enqueuedAt"], enqueued.AsObject().Select(p => p.Key).ToArray());
        Assert.Equal("indexCreation", enqueued["type"]!.GetValue<string>());
        var task = await Task(enqueued);
        Assert.Equal("succeeded", task["status"]!.GetValue<string>());
        Assert.Equal("id", task["details"]!["primaryKey"]!.GetValue<string>());

        var index = (await Client.GetAsync($"/indexes/{uid}")).ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Equal(["uid", "createdAt", "updatedAt", "primaryKey"], index.AsObject().Select(p => p.Key).ToArray());
        Assert.Equal("id", index["primaryKey"]!.GetValue<string>());

        await Task((await Client.PatchAsync($"/indexes/{uid}", new { primaryKey = "sku" })).ShouldBe(HttpStatusCode.Accepted).Json!);
        Assert.Equal("sku", (await Client.GetAsync($"/indexes/{uid}")).Json!["primaryKey"]!.GetValue<string>());

        var list = (await Client.GetAsync("/indexes?limit=1000")).ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Contains(uid, list["results"]!.AsArray().Select(i => i!["uid"]!.GetValue<string>()));

        var deletion = await Task((await Client.DeleteAsync($"/indexes/{uid}")).ShouldBe(HttpStatusCode.Accepted).Json!);
        Assert.Equal("succeeded", deletion["status"]!.GetValue<string>());
        (await Client.GetAsync($"/indexes/{uid}")).ShouldFail(HttpStatusCode.NotFound, "index_not_found", $"Index `{uid}` not found.");
    }

    [Fact]
    public async Task Failures_are_reported_on_the_task_like_meilisearch()
    {
        var uid = NewUid();
        await Task((await Client.PostAsync("/indexes", new { uid })).Json!);
        var duplicate = await Task((await Client.PostAsync("/indexes", new { uid, primaryKey = "other" })).ShouldBe(HttpStatusCode.Accepted).Json!);
        Assert.Equal("failed", duplicate["status"]!.GetValue<string>());
        Assert.Equal("index_already_exists", duplicate["error"]!["code"]!.GetValue<string>());
        Assert.Equal($"Index `{uid}` already exists.", duplicate["error"]!["message"]!.GetValue<string>());
        Assert.Null((await Client.GetAsync($"/indexes/{uid}")).Json!["primaryKey"]);

        var missing = await Task((await Client.DeleteAsync($"/indexes/{NewUid()}")).Json!);
        Assert.Equal("index_not_found", missing["error"]!["code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"uid":"bad uid"}""", "invalid_index_uid")]
    [InlineData("""{"uid":7}""", "invalid_index_uid")]
    [InlineData("""{"primaryKey":"id"}""", "missing_index_uid")]
    [InlineData("""{"uid":"ok","primaryKey":1}""", "invalid_index_primary_key")]
    [InlineData("""{"uid":"ok","doggo":1}""", "bad_request")]
    public async Task Invalid_index_creation_is_refused(string body, string code)
    {
        (await Client.SendAsync(HttpMethod.Post, "/indexes", body)).ShouldFail(HttpStatusCode.BadRequest, code);
        (await Client.GetAsync("/indexes/ok")).ShouldFail(HttpStatusCode.NotFound, "index_not_found");
    }

    [Fact]
    public async Task Settings_are_stored_validated_and_reset()
    {
        var uid = NewUid();
        await Task((await Client.PostAsync("/indexes", new { uid })).Json!);

        var defaults = (await Client.GetAsync($"/indexes/{uid}/settings")).ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Equal("""{"displayedAttributes":["*"],"searchableAttributes":["*"],"filterableAttributes":[],"sortableAttributes":[],"distinctAttribute":null}""",
            defaults.ToJsonString());

        var patch = await Task((await Client.PatchAsync($"/indexes/{uid}/settings", new
        {
            filterableAttributes = new[] { "brand", "price" },
            sortableAttributes = new[] { "price" },
            searchableAttributes = new[] { "title", "description" },
        })).ShouldBe(HttpStatusCode.Accepted).Json!);
        Assert.Equal("settingsUpdate", patch["type"]!.GetValue<string>());
        Assert.Equal(["brand", "price"], Strings((await Client.GetAsync($"/indexes/{uid}/settings/filterable-attributes")).Json!));
        Assert.Equal(["title", "description"], Strings((await Client.GetAsync($"/indexes/{uid}/settings/searchable-attributes")).Json!));

        await Task((await Client.SendAsync(HttpMethod.Put, $"/indexes/{uid}/settings/displayed-attributes", new[] { "title" })).ShouldBe(HttpStatusCode.Accepted).Json!);
        Assert.Equal(["title"], Strings((await Client.GetAsync($"/indexes/{uid}/settings/displayed-attributes")).Json!));

        await Task((await Client.DeleteAsync($"/indexes/{uid}/settings/filterable-attributes")).ShouldBe(HttpStatusCode.Accepted).Json!);
        Assert.Empty(Strings((await Client.GetAsync($"/indexes/{uid}/settings/filterable-attributes")).Json!));
        Assert.Equal(["price"], Strings((await Client.GetAsync($"/indexes/{uid}/settings/sortable-attributes")).Json!));
    }

    [Theory]
    [InlineData("""{"filterableAttributes":["_tenant"]}""", "reserved_attribute")]
    [InlineData("""{"displayedAttributes":["_tenant.id"]}""", "reserved_attribute")]
    [InlineData("""{"sortableAttributes":"price"}""", "invalid_settings_sortable_attributes")]
    [InlineData("""{"filterableAttributes":[1]}""", "invalid_settings_filterable_attributes")]
    [InlineData("""{"rankingRules":["words"]}""", "bad_request")]
    public async Task Invalid_settings_change_nothing(string body, string code)
    {
        var uid = NewUid();
        await Task((await Client.PostAsync("/indexes", new { uid })).Json!);
        await Task((await Client.PatchAsync($"/indexes/{uid}/settings", new { filterableAttributes = new[] { "brand" } })).Json!);
        var before = (await Client.GetAsync($"/indexes/{uid}/settings")).Json!.ToJsonString();
        (await Client.SendAsync(HttpMethod.Patch, $"/indexes/{uid}/settings", body)).ShouldFail(HttpStatusCode.BadRequest, code);
        Assert.Equal(before, (await Client.GetAsync($"/indexes/{uid}/settings")).Json!.ToJsonString());
    }

    [Fact]
    public async Task Tasks_list_newest_first_with_filters()
    {
        var uid = NewUid();
        var first = await Task((await Client.PostAsync("/indexes", new { uid })).Json!);
        var second = await Task((await Client.PatchAsync($"/indexes/{uid}/settings", new { sortableAttributes = new[] { "a" } })).Json!);

        var page = (await Client.GetAsync($"/tasks?indexUids={uid}")).ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Equal([second["uid"]!.GetValue<long>(), first["uid"]!.GetValue<long>()],
            page["results"]!.AsArray().Select(t => t!["uid"]!.GetValue<long>()).ToArray());
        var creations = (await Client.GetAsync($"/tasks?indexUids={uid}&types=indexCreation")).Json!;
        Assert.Single(creations["results"]!.AsArray());
        (await Client.GetAsync("/tasks/999999999")).ShouldFail(HttpStatusCode.NotFound, "task_not_found", "Task `999999999` not found.");
        (await Client.GetAsync("/tasks?doggo=1")).ShouldFail(HttpStatusCode.BadRequest, "bad_request");
    }

    private async Task<JsonNode> Task(JsonNode enqueued) =>
        (await Client.GetAsync($"/tasks/{enqueued["taskUid"]}")).ShouldBe(HttpStatusCode.OK).Json!;

    private static string[] Strings(JsonNode array) => array.AsArray().Select(n => n!.GetValue<string>()).ToArray();
}
