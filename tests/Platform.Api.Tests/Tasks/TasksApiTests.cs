using System.Net;
using System.Text.Json.Nodes;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Tasks;

/// <summary>
/// Per-tenant task uids over HTTP: two tenants writing to one shared index see only their own consecutive uids; the
/// operator reads and pages through every task, newest (highest uid) first.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class TasksApiTests(PlatformFixture fixture)
{
    private PlatformClient Client => fixture.Client;

    private async Task<string> NewIndex()
    {
        var uid = "tasks_" + Guid.NewGuid().ToString("N")[..8];
        (await Client.PostAsync("/indexes", new { uid, primaryKey = "id" })).ShouldBe(HttpStatusCode.Accepted);
        return uid;
    }

    private async Task<string> NewTenantKey()
    {
        var uid = await Client.CreateTenantAsync();
        return (await Client.CreateKeyAsync(uid, ["*"], ["*"]))["key"]!.GetValue<string>();
    }

    private async Task<long> Write(string index, string key, int id) =>
        (await Client.PostAsync($"/indexes/{index}/documents", new[] { new { id } }, key))
            .ShouldBe(HttpStatusCode.Accepted).Json!["taskUid"]!.GetValue<long>();

    private static long[] Uids(JsonNode page) => [.. page["results"]!.AsArray().Select(t => t!["uid"]!.GetValue<long>())];

    [Fact]
    public async Task Tenants_see_their_own_consecutive_uids_and_nothing_of_each_other()
    {
        var index = await NewIndex();
        var alice = await NewTenantKey();
        var bob = await NewTenantKey();
        var aliceUids = new List<long>();
        var bobUids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            aliceUids.Add(await Write(index, alice, 1));
            bobUids.Add(await Write(index, bob, 1));
        }

        Assert.Equal([aliceUids[0], aliceUids[0] + 1, aliceUids[0] + 2], aliceUids);
        Assert.Equal([bobUids[0], bobUids[0] + 1, bobUids[0] + 2], bobUids);
        Assert.Empty(aliceUids.Intersect(bobUids));

        (await Client.GetAsync($"/tasks/{bobUids[0]}", alice)).ShouldFail(HttpStatusCode.NotFound, "task_not_found");
        (await Client.GetAsync($"/tasks/{aliceUids[0]}", bob)).ShouldFail(HttpStatusCode.NotFound, "task_not_found");
        (await Client.GetAsync($"/tasks/{aliceUids[0]}", alice)).ShouldBe(HttpStatusCode.OK);
        (await Client.GetAsync($"/tasks/{bobUids[0]}")).ShouldBe(HttpStatusCode.OK);
        // A uid between a tenant's own range and another's is nobody's.
        (await Client.GetAsync($"/tasks/{aliceUids[^1] + 1}", alice)).ShouldFail(HttpStatusCode.NotFound, "task_not_found");

        var page = (await Client.GetAsync("/tasks?limit=2", alice)).ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Equal([aliceUids[2], aliceUids[1]], Uids(page));
        Assert.Equal(3, page["total"]!.GetValue<int>());
        Assert.Equal(aliceUids[0], page["next"]!.GetValue<long>());
        var rest = (await Client.GetAsync($"/tasks?limit=2&from={aliceUids[0]}", alice)).ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Equal([aliceUids[0]], Uids(rest));
        Assert.Null(rest["next"]);

        // A `from` inside the other tenant's range lists nothing of it.
        var crafted = (await Client.GetAsync($"/tasks?from={bobUids[^1]}&uids={bobUids[0]}", alice)).ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Empty(Uids(crafted));
    }

    [Fact]
    public async Task The_operator_pages_through_every_range_by_descending_uid()
    {
        var index = await NewIndex();
        var alice = await NewTenantKey();
        var bob = await NewTenantKey();
        long[] written = [await Write(index, alice, 1), await Write(index, bob, 1), await Write(index, alice, 2), await Write(index, bob, 2)];

        // Filtered to this test's index, so tasks of other tests never interleave; one page at a time.
        var seen = new List<long>();
        long? from = null;
        do
        {
            var query = $"/tasks?limit=1&indexUids={index}" + (from is null ? "" : $"&from={from}");
            var page = (await Client.GetAsync(query)).ShouldBe(HttpStatusCode.OK).Json!;
            seen.AddRange(Uids(page));
            from = page["next"]?.GetValue<long>();
        }
        while (from is not null);

        // Four tenant tasks (two ranges) and the operator's index creation, highest uid first.
        Assert.Equal(5, seen.Count);
        Assert.Equal(seen.OrderByDescending(u => u), seen);
        Assert.Subset(seen.ToHashSet(), written.ToHashSet());
        var creation = seen[^1];
        Assert.Equal("indexCreation", (await Client.GetAsync($"/tasks/{creation}")).Json!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_deleted_tenants_tasks_are_gone_for_everyone()
    {
        var index = await NewIndex();
        var uid = await Client.CreateTenantAsync();
        var key = (await Client.CreateKeyAsync(uid, ["*"], ["*"]))["key"]!.GetValue<string>();
        var task = await Write(index, key, 1);
        (await Client.DeleteAsync($"/tenants/{uid}")).ShouldBe(HttpStatusCode.Accepted);

        (await Client.GetAsync($"/tasks/{task}")).ShouldFail(HttpStatusCode.NotFound, "task_not_found");
        var listed = (await Client.GetAsync($"/tasks?indexUids={index}&types=documentAdditionOrUpdate")).ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Empty(Uids(listed));
    }
}
