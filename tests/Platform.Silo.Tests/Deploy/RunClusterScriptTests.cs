using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Platform.Search.Errors;
using Platform.Silo.Tests.Infrastructure;

namespace Platform.Silo.Tests.Deploy;

/// <summary>
/// deploy/run-cluster.sh run exactly as deploy/README.md (and the README) documents it, with free ports, a temporary
/// data folder and the Meilisearch stand-in as the engine: three ready silos that serve one cluster, keys that never
/// appear on a command line, and nothing left running once it is stopped.
/// </summary>
public sealed class RunClusterScriptTests
{
    // Generous outer bounds: the script builds the host first, and CI runs other test projects meanwhile.
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(8);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public void The_readme_and_the_deploy_readme_document_the_same_command()
    {
        Assert.Equal(ClusterCommand.TextIn(DeployFiles.Text("deploy/README.md")), ClusterCommand.TextIn(DeployFiles.Text("README.md")));
    }

    [Fact]
    public async Task The_documented_command_runs_a_cluster_that_serves_every_tenant_through_every_silo()
    {
        var command = ClusterCommand.Parse(ClusterCommand.TextIn(DeployFiles.Text("deploy/README.md")));
        Assert.Equal(["MEILI_MASTER_KEY", "PLATFORM_MASTER_KEY"], command.Variables.Order(StringComparer.Ordinal));
        Assert.True(command.Silos >= 3, "the documented cluster has fewer than three silos");
        var platformKey = "platform-" + Guid.NewGuid().ToString("N");
        var meilisearchKey = "meili-" + Guid.NewGuid().ToString("N");
        using var data = new TestData();
        await using var meilisearch = await StandInProcess.StartAsync(meilisearchKey, TimeSpan.FromMinutes(2));

        var arguments = command.Arguments(new Dictionary<string, string>
        {
            ["--http-port"] = PortRange.FreeBase(command.Silos).ToString(CultureInfo.InvariantCulture),
            ["--silo-port"] = PortRange.FreeBase(command.Silos).ToString(CultureInfo.InvariantCulture),
            ["--redis-port"] = PortRange.FreeBase(1).ToString(CultureInfo.InvariantCulture),
            ["--engine-url"] = meilisearch.Url.ToString().TrimEnd('/'),
            ["--data-dir"] = data.Path,
        });
        var environment = new Dictionary<string, string> { ["PLATFORM_MASTER_KEY"] = platformKey, ["MEILI_MASTER_KEY"] = meilisearchKey };
        await using var cluster = ClusterScript.Start(command.Script, arguments, environment);
        await cluster.WaitReadyAsync(ReadyTimeout);

        Assert.Equal(command.Silos, cluster.Silos.Count);
        await AssertEverySiloReady(cluster);
        await AssertWritesThroughOneSiloAreSearchableThroughAnother(cluster.Silos[0].Url, cluster.Silos[2].Url, platformKey);
        AssertNoKeyOnAnyCommandLine(cluster, meilisearch.Id, platformKey, meilisearchKey);

        var exitCode = await cluster.StopAsync(StopTimeout);
        Assert.True(exitCode is 0 or 143, $"the script exited with {exitCode}:\n{cluster.Output}");
        Assert.DoesNotContain(cluster.Started, pid => ProcessTable.IsRunning(pid) && ProcessTable.CommandLine(pid).Contains(data.Path, StringComparison.Ordinal));
        Assert.False(ProcessTable.IsRunning(cluster.RedisPid), "Redis still runs");
        Assert.DoesNotContain(cluster.Silos, silo => ProcessTable.IsRunning(silo.Pid));
        Assert.Empty(ProcessTable.WithCommandLineContaining(data.Path));
    }

    private static async Task AssertEverySiloReady(ClusterScript cluster)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        foreach (var (url, pid) in cluster.Silos)
        {
            Assert.True(ProcessTable.IsRunning(pid), $"silo {url} (pid {pid}) is not running");
            using var response = await http.GetAsync(new Uri(url, HostRoutes.Ready));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} is not ready: {(int)response.StatusCode}");
        }
    }

    /// <summary>Two tenants write the same document ids through the first silo; each finds only its own through the last.</summary>
    private static async Task AssertWritesThroughOneSiloAreSearchableThroughAnother(Uri writer, Uri reader, string masterKey)
    {
        using var first = new PlatformClient(writer, masterKey);
        using var last = new PlatformClient(reader, masterKey);
        await WaitTask(first, null, await Retrying(() => first.PostAsync("/indexes", new { uid = "products", primaryKey = "id" })), ErrorCodes.IndexAlreadyExists);
        await WaitTask(first, null, await Retrying(() => first.PatchAsync("/indexes/products/settings", new { filterableAttributes = new[] { "brand" } })));

        var keys = new Dictionary<string, string>();
        foreach (var tenant in new[] { "acme", "rival" })
        {
            var created = await Retrying(() => first.PostAsync("/tenants", new { uid = tenant, rules = new[] { "products" } }));
            Assert.True(created.Status == HttpStatusCode.Created || created.Code == ErrorCodes.TenantAlreadyExists, $"{tenant}: {created.Json?.ToJsonString()}");
            var body = new { actions = new[] { "search", "documents.*", "tasks.get" }, indexes = new[] { "products" }, expiresAt = (string?)null };
            var key = (await Retrying(() => first.PostAsync($"/tenants/{tenant}/keys", body))).ShouldBe(HttpStatusCode.Created).Json!;
            keys[tenant] = key["key"]!.GetValue<string>();
            var documents = new[]
            {
                new { id = 1, title = $"{tenant} trail shoe", brand = tenant },
                new { id = 2, title = $"{tenant} road shoe", brand = tenant },
            };
            await WaitTask(first, keys[tenant], await Retrying(() => first.PostAsync("/indexes/products/documents", documents, keys[tenant])));
        }

        foreach (var (tenant, key) in keys)
        {
            var hits = (await Retrying(() => last.PostAsync("/indexes/products/search", new { q = "shoe" }, key))).ShouldBe(HttpStatusCode.OK).Json!["hits"]!.AsArray();
            Assert.Equal(2, hits.Count);
            Assert.All(hits, hit => Assert.Equal(tenant, hit!["brand"]!.GetValue<string>()));
            var other = tenant == "acme" ? "rival" : "acme";
            var crossed = await Retrying(() => last.PostAsync("/indexes/products/search", new { q = "", filter = $"brand = {other}" }, key));
            Assert.Empty(crossed.ShouldBe(HttpStatusCode.OK).Json!["hits"]!.AsArray());
        }
    }

    /// <summary>
    /// Sends again while the answer is 503 <c>service_unavailable</c> ("retry later", as Meilisearch's clients do): a
    /// freshly started cluster activates its first grains slowly when the machine is busy. Every other answer counts.
    /// </summary>
    private static async Task<Reply> Retrying(Func<Task<Reply>> send)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        var reply = await send();
        while (reply.Status == HttpStatusCode.ServiceUnavailable && DateTime.UtcNow < deadline) reply = await send();
        return reply;
    }

    /// <summary>Waits for the task to finish; it must succeed, or fail with <paramref name="tolerated"/> (a retried creation).</summary>
    private static async Task WaitTask(PlatformClient client, string? bearer, Reply accepted, string? tolerated = null)
    {
        accepted.ShouldBe(HttpStatusCode.Accepted);
        var uid = accepted.Json!["taskUid"]!.GetValue<long>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        JsonNode? task = null;
        while (DateTime.UtcNow < deadline)
        {
            task = (await Retrying(() => client.GetAsync($"/tasks/{uid}", bearer))).ShouldBe(HttpStatusCode.OK).Json;
            if (task!["status"]!.GetValue<string>() is "succeeded" or "failed") break;
            await Task.Delay(100);
        }

        var succeeded = task?["status"]?.GetValue<string>() == "succeeded";
        var toleratedFailure = tolerated is not null && task?["error"]?["code"]?.GetValue<string>() == tolerated;
        Assert.True(succeeded || toleratedFailure, $"task {uid}: {task?.ToJsonString()}");
    }

    private static void AssertNoKeyOnAnyCommandLine(ClusterScript cluster, int standIn, params string[] keys)
    {
        var processes = cluster.Started.Append(cluster.Id).Append(standIn).Where(ProcessTable.IsRunning).ToList();
        Assert.Contains(cluster.RedisPid, processes);
        Assert.All(cluster.Silos, silo => Assert.Contains(silo.Pid, processes));
        foreach (var pid in processes)
        {
            var commandLine = ProcessTable.CommandLine(pid);
            Assert.All(keys, key => Assert.DoesNotContain(key, commandLine, StringComparison.Ordinal));
        }
    }
}
