using System.Net;
using System.Text.Json.Nodes;

namespace Platform.Api.Tests.Tasks;

/// <summary>Retention with a small limit (<c>Platform:Tasks:MaxRetained=3</c>) on a platform of its own.</summary>
public sealed class TaskRetentionApiTests : IAsyncLifetime
{
    private PlatformServer _server = null!;

    private PlatformClient Client => _server.Client;

    public async Task InitializeAsync() => _server = await PlatformServer.StartAsync("MASTER_KEY", "--Platform:Tasks:MaxRetained=3");

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static long[] Uids(JsonNode page) => [.. page["results"]!.AsArray().Select(t => t!["uid"]!.GetValue<long>())];

    [Fact]
    public async Task Each_tenant_and_the_operator_keep_only_their_newest_tasks()
    {
        var operatorUids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            operatorUids.Add((await Client.PostAsync("/indexes", new { uid = $"retained{i}", primaryKey = "id" }))
                .ShouldBe(HttpStatusCode.Accepted).Json!["taskUid"]!.GetValue<long>());
        }

        var keys = new List<string>();
        foreach (var _ in new[] { 1, 2 })
        {
            var tenant = await Client.CreateTenantAsync();
            keys.Add((await Client.CreateKeyAsync(tenant, ["*"], ["*"]))["key"]!.GetValue<string>());
        }

        var tenantUids = keys.ToDictionary(k => k, _ => new List<long>());
        for (var i = 0; i < 5; i++)
        {
            foreach (var key in keys)
            {
                tenantUids[key].Add((await Client.PostAsync("/indexes/retained0/documents", new[] { new { id = i } }, key))
                    .ShouldBe(HttpStatusCode.Accepted).Json!["taskUid"]!.GetValue<long>());
            }
        }

        foreach (var key in keys)
        {
            var own = tenantUids[key];
            Assert.Equal(own[2..].AsEnumerable().Reverse(), Uids((await Client.GetAsync("/tasks", key)).ShouldBe(HttpStatusCode.OK).Json!));
            (await Client.GetAsync($"/tasks/{own[1]}", key)).ShouldFail(HttpStatusCode.NotFound, "task_not_found");
            (await Client.GetAsync($"/tasks/{own[1]}")).ShouldFail(HttpStatusCode.NotFound, "task_not_found");
        }

        var all = Uids((await Client.GetAsync("/tasks?limit=100")).ShouldBe(HttpStatusCode.OK).Json!);
        Assert.Equal(9, all.Length);
        Assert.Subset(all.ToHashSet(), operatorUids[2..].ToHashSet());
        (await Client.GetAsync($"/tasks/{operatorUids[1]}")).ShouldFail(HttpStatusCode.NotFound, "task_not_found");
    }
}
