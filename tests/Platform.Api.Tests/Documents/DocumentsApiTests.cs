using System.Net;
using System.Text.Json.Nodes;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Documents;

/// <summary>Two tenants share an index and use the same document ids; neither ever reaches the other's documents.</summary>
[Collection(PlatformCollection.Name)]
public sealed class DocumentsApiTests(PlatformFixture fixture)
{
    private PlatformClient Client => fixture.Client;

    private sealed record Tenant(string Uid, string Key);

    private async Task<string> NewIndex()
    {
        var uid = "docs_" + Guid.NewGuid().ToString("N")[..8];
        (await Client.PostAsync("/indexes", new { uid, primaryKey = "id" })).ShouldBe(HttpStatusCode.Accepted);
        (await Client.PatchAsync($"/indexes/{uid}/settings", new { filterableAttributes = new[] { "color" } })).ShouldBe(HttpStatusCode.Accepted);
        return uid;
    }

    private async Task<Tenant> NewTenant(string[]? actions = null, string[]? indexes = null)
    {
        var uid = await Client.CreateTenantAsync();
        var key = await Client.CreateKeyAsync(uid, actions ?? ["*"], indexes ?? ["*"]);
        return new Tenant(uid, key["key"]!.GetValue<string>());
    }

    private async Task<JsonNode> Finished(Reply enqueued, string key)
    {
        enqueued.ShouldBe(HttpStatusCode.Accepted);
        return (await Client.GetAsync($"/tasks/{enqueued.Json!["taskUid"]}", key)).ShouldBe(HttpStatusCode.OK).Json!;
    }

    private static object[] Docs(string owner) =>
    [
        new { id = 1, color = "red", title = $"{owner} one" },
        new { id = "two", color = "blue", title = $"{owner} two" },
    ];

    [Fact]
    public async Task Same_ids_never_cross_tenants_on_read_update_or_delete()
    {
        var index = await NewIndex();
        var alice = await NewTenant();
        var bob = await NewTenant();
        var added = await Finished(await Client.PostAsync($"/indexes/{index}/documents", Docs("alice"), alice.Key), alice.Key);
        Assert.Equal("succeeded", added["status"]!.GetValue<string>());
        Assert.Equal(2, added["details"]!["indexedDocuments"]!.GetValue<int>());
        await Finished(await Client.PostAsync($"/indexes/{index}/documents", Docs("bob"), bob.Key), bob.Key);

        var aliceOne = (await Client.GetAsync($"/indexes/{index}/documents/1", alice.Key)).ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Equal("""{"id":1,"color":"red","title":"alice one"}""", aliceOne.ToJsonString());

        // PUT merges into the caller's own document only.
        await Finished(await Client.SendAsync(HttpMethod.Put, $"/indexes/{index}/documents", new[] { new { id = 1, title = "bob renamed" } }, bob.Key), bob.Key);
        Assert.Equal("alice one", (await Client.GetAsync($"/indexes/{index}/documents/1", alice.Key)).Json!["title"]!.GetValue<string>());
        var bobOne = (await Client.GetAsync($"/indexes/{index}/documents/1", bob.Key)).Json!;
        Assert.Equal("bob renamed", bobOne["title"]!.GetValue<string>());
        Assert.Equal("red", bobOne["color"]!.GetValue<string>());

        // Crafted filters cannot widen a read.
        foreach (var filter in new[] { "color = red OR color = blue", "NOT color = green", "_tenant EXISTS OR color = red" })
        {
            var fetched = await Client.PostAsync($"/indexes/{index}/documents/fetch", new { filter }, alice.Key);
            if (filter.StartsWith("_tenant", StringComparison.Ordinal))
            {
                fetched.ShouldFail(HttpStatusCode.BadRequest, "reserved_attribute");
                continue;
            }

            var results = fetched.ShouldBe(HttpStatusCode.OK).Json!["results"]!.AsArray();
            Assert.All(results, d => Assert.StartsWith("alice", d!["title"]!.GetValue<string>(), StringComparison.Ordinal));
        }

        // Deletes by id, by batch and by filter only ever touch the caller's documents.
        await Finished(await Client.DeleteAsync($"/indexes/{index}/documents/1", bob.Key), bob.Key);
        var batch = await Finished(await Client.PostAsync($"/indexes/{index}/documents/delete-batch", new object[] { "two", 1 }, bob.Key), bob.Key);
        Assert.Equal(1, batch["details"]!["deletedDocuments"]!.GetValue<int>());
        await Finished(await Client.PostAsync($"/indexes/{index}/documents", Docs("bob"), bob.Key), bob.Key);
        var byFilter = await Finished(await Client.PostAsync($"/indexes/{index}/documents/delete", new { filter = "color = red OR color = blue" }, bob.Key), bob.Key);
        Assert.Equal(2, byFilter["details"]!["deletedDocuments"]!.GetValue<int>());

        var aliceDocs = (await Client.GetAsync($"/indexes/{index}/documents", alice.Key)).ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Equal(2, aliceDocs["total"]!.GetValue<int>());
        Assert.DoesNotContain("_tenant", aliceDocs.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(0, (await Client.GetAsync($"/indexes/{index}/documents", bob.Key)).Json!["total"]!.GetValue<int>());
        (await Client.GetAsync($"/indexes/{index}/documents/1", bob.Key)).ShouldFail(HttpStatusCode.NotFound, "document_not_found");
    }

    [Fact]
    public async Task Tasks_are_visible_to_their_tenant_only()
    {
        var index = await NewIndex();
        var alice = await NewTenant();
        var bob = await NewTenant();
        var enqueued = (await Client.PostAsync($"/indexes/{index}/documents", Docs("alice"), alice.Key)).ShouldBe(HttpStatusCode.Accepted).Json!;
        Assert.Equal(["taskUid", "indexUid", "status", "type", "enqueuedAt"], enqueued.AsObject().Select(p => p.Key));
        var taskUid = enqueued["taskUid"]!.GetValue<long>();

        (await Client.GetAsync($"/tasks/{taskUid}", bob.Key)).ShouldFail(HttpStatusCode.NotFound, "task_not_found");
        Assert.Empty((await Client.GetAsync("/tasks", bob.Key)).ShouldBe(HttpStatusCode.OK).Json!["results"]!.AsArray());
        var aliceTasks = (await Client.GetAsync("/tasks", alice.Key)).ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Equal([taskUid], aliceTasks["results"]!.AsArray().Select(t => t!["uid"]!.GetValue<long>()));
        Assert.Equal(index, aliceTasks["results"]![0]!["indexUid"]!.GetValue<string>());

        // The operator sees it; the tenant does not see operator tasks.
        (await Client.GetAsync($"/tasks/{taskUid}")).ShouldBe(HttpStatusCode.OK);
        Assert.DoesNotContain(aliceTasks["results"]!.AsArray(), t => t!["type"]!.GetValue<string>() == "indexCreation");
    }

    [Fact]
    public async Task Invalid_documents_fail_their_task_and_keep_what_was_stored()
    {
        var index = await NewIndex();
        var tenant = await NewTenant();
        await Finished(await Client.PostAsync($"/indexes/{index}/documents", Docs("t"), tenant.Key), tenant.Key);

        var badId = await Finished(await Client.PostAsync($"/indexes/{index}/documents", new[] { new { id = "no spaces allowed", color = "red" } }, tenant.Key), tenant.Key);
        Assert.Equal("failed", badId["status"]!.GetValue<string>());
        Assert.Equal("invalid_document_id", badId["error"]!["code"]!.GetValue<string>());

        var reserved = await Finished(await Client.PostAsync($"/indexes/{index}/documents",
            new object[] { new Dictionary<string, object> { ["id"] = 9, ["_tenant"] = "someone-else" } }, tenant.Key), tenant.Key);
        Assert.Equal("reserved_attribute", reserved["error"]!["code"]!.GetValue<string>());

        var missingIndex = await Finished(await Client.PostAsync("/indexes/not_there/documents", Docs("t"), tenant.Key), tenant.Key);
        Assert.Equal("index_not_found", missingIndex["error"]!["code"]!.GetValue<string>());
        (await Client.GetAsync("/indexes/not_there")).ShouldFail(HttpStatusCode.NotFound, "index_not_found");

        (await Client.SendAsync(HttpMethod.Post, $"/indexes/{index}/documents", "[{\"id\": 1,", tenant.Key))
            .ShouldFail(HttpStatusCode.BadRequest, "malformed_payload");
        (await Client.SendAsync(HttpMethod.Post, $"/indexes/{index}/documents", "[1, 2]", tenant.Key))
            .ShouldFail(HttpStatusCode.BadRequest, "malformed_payload");
        (await Client.SendAsync(HttpMethod.Post, $"/indexes/{index}/documents", "id,color\n3,red", tenant.Key, contentType: "text/csv"))
            .ShouldFail(HttpStatusCode.UnsupportedMediaType, "invalid_content_type");

        var ndjson = await Finished(await Client.SendAsync(HttpMethod.Post, $"/indexes/{index}/documents",
            "{\"id\": 3, \"color\": \"green\"}\n{\"id\": 4, \"color\": \"green\"}\n", tenant.Key, contentType: "application/x-ndjson"), tenant.Key);
        Assert.Equal(2, ndjson["details"]!["receivedDocuments"]!.GetValue<int>());
        Assert.Equal(4, (await Client.GetAsync($"/indexes/{index}/documents", tenant.Key)).Json!["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Keys_need_the_action_and_the_index()
    {
        var index = await NewIndex();
        var reader = await NewTenant(actions: ["documents.get"], indexes: [index]);
        (await Client.PostAsync($"/indexes/{index}/documents", Docs("r"), reader.Key)).ShouldFail(HttpStatusCode.Forbidden, "invalid_api_key",
            "The provided API key is invalid.");
        (await Client.GetAsync($"/indexes/{index}/documents", reader.Key)).ShouldBe(HttpStatusCode.OK);
        (await Client.GetAsync("/indexes/elsewhere/documents", reader.Key)).ShouldFail(HttpStatusCode.Forbidden, "invalid_api_key",
            $"The API key cannot acces the index `elsewhere`, authorized indexes are [\"{index}\"].");
        (await Client.GetAsync("/tasks", reader.Key)).ShouldFail(HttpStatusCode.Forbidden, "invalid_api_key");
        (await Client.GetAsync($"/indexes/{index}/documents")).ShouldFail(HttpStatusCode.Forbidden, "invalid_api_key");
        (await Client.GetAsync($"/indexes/{index}/documents", "0".PadLeft(64, 'a'))).ShouldFail(HttpStatusCode.Forbidden, "invalid_api_key");
    }

    [Fact]
    public async Task Suspended_tenants_and_deleted_keys_are_refused()
    {
        var index = await NewIndex();
        var tenant = await NewTenant();
        (await Client.PatchAsync($"/tenants/{tenant.Uid}", new { status = "suspended" })).ShouldBe(HttpStatusCode.OK);
        (await Client.GetAsync($"/indexes/{index}/documents", tenant.Key)).ShouldFail(HttpStatusCode.Forbidden, "tenant_suspended");
        (await Client.PatchAsync($"/tenants/{tenant.Uid}", new { status = "active" })).ShouldBe(HttpStatusCode.OK);
        (await Client.GetAsync($"/indexes/{index}/documents", tenant.Key)).ShouldBe(HttpStatusCode.OK);

        (await Client.DeleteAsync($"/tenants/{tenant.Uid}/keys/{tenant.Key}")).ShouldBe(HttpStatusCode.NoContent);
        (await Client.GetAsync($"/indexes/{index}/documents", tenant.Key)).ShouldFail(HttpStatusCode.Forbidden, "invalid_api_key");
    }

    [Fact]
    public async Task Tenant_rules_limit_indexes_and_filter_reads()
    {
        var index = await NewIndex();
        var other = await NewIndex();
        var uid = await Client.CreateTenantAsync(rules: new Dictionary<string, object> { [index] = new { filter = "color = red" } });
        var key = (await Client.CreateKeyAsync(uid, ["*"], ["*"]))["key"]!.GetValue<string>();
        await Finished(await Client.PostAsync($"/indexes/{index}/documents", Docs("ruled"), key), key);

        var docs = (await Client.GetAsync($"/indexes/{index}/documents", key)).ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Equal(1, docs["total"]!.GetValue<int>());
        (await Client.GetAsync($"/indexes/{other}/documents", key)).ShouldFail(HttpStatusCode.Forbidden, "invalid_api_key");
    }
}
