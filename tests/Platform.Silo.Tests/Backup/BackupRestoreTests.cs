using System.Collections.Concurrent;
using System.Net;
using Platform.Silo.Tests.Infrastructure;

namespace Platform.Silo.Tests.Backup;

/// <summary>
/// <c>POST /backups</c> on a running single-process platform while a writer keeps writing, then a new process started
/// on the backup folder: everything acknowledged before the backup is there, and tenants stay isolated in the copy.
/// </summary>
public sealed class BackupRestoreTests
{
    private const string Index = "shared";

    private sealed record Tenant(string Uid, string Key);

    private static async Task<Tenant> NewTenant(PlatformClient client, string uid)
    {
        await client.CreateTenantAsync(uid);
        return new Tenant(uid, (await client.CreateKeyAsync(uid, ["*"], ["*"]))["key"]!.GetValue<string>());
    }

    private static async Task Write(PlatformClient client, Tenant tenant, object[] documents)
    {
        var taskUid = (await client.PostAsync($"/indexes/{Index}/documents", documents, tenant.Key))
            .ShouldBe(HttpStatusCode.Accepted).Json!["taskUid"]!.GetValue<long>();
        var task = (await client.GetAsync($"/tasks/{taskUid}", tenant.Key)).ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Equal("succeeded", task["status"]!.GetValue<string>());
    }

    private static async Task<HashSet<string>> DocumentIds(PlatformClient client, Tenant tenant) =>
        [.. (await client.GetAsync($"/indexes/{Index}/documents?limit=10000", tenant.Key)).ShouldBe(HttpStatusCode.OK)
            .Json!["results"]!.AsArray().Select(d => d!["id"]!.ToString())];

    [Fact]
    public async Task A_backup_taken_under_writes_restores_every_acknowledged_write_with_isolation()
    {
        await using var live = await PlatformServer.StartAsync();
        var client = live.Client;
        (await client.PostAsync("/indexes", new { uid = Index, primaryKey = "id" })).ShouldBe(HttpStatusCode.Accepted);
        (await client.PatchAsync($"/indexes/{Index}/settings", new { filterableAttributes = new[] { "owner" } })).ShouldBe(HttpStatusCode.Accepted);
        var alpha = await NewTenant(client, "alpha");
        var beta = await NewTenant(client, "beta");
        // The same ids in both tenants, and one id only beta has.
        await Write(client, alpha, [new { id = 1, owner = "alpha" }, new { id = 2, owner = "alpha" }]);
        await Write(client, beta, [new { id = 1, owner = "beta" }, new { id = 2, owner = "beta" }, new { id = "beta-only", owner = "beta" }]);

        // A writer keeps writing alpha's documents during the backup; it records what was acknowledged.
        var acknowledged = new ConcurrentQueue<string>();
        var firstWrite = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var n = 100; !stop.IsCancellationRequested; n++)
            {
                await Write(client, alpha, [new { id = n, owner = "alpha" }]);
                acknowledged.Enqueue(n.ToString(System.Globalization.CultureInfo.InvariantCulture));
                firstWrite.TrySetResult();
            }
        });
        await firstWrite.Task;

        // Only the operator backs up: tenant keys and tokens are refused.
        var token = (await client.PostAsync("/tenants/alpha/tokens", new { searchRules = new[] { "*" } }))
            .ShouldBe(HttpStatusCode.Created).Json!["token"]!.GetValue<string>();
        (await client.PostAsync("/backups", new { }, alpha.Key)).ShouldFail(HttpStatusCode.Forbidden, "invalid_api_key");
        (await client.PostAsync("/backups", new { }, token)).ShouldFail(HttpStatusCode.Forbidden, "invalid_api_key");

        var before = acknowledged.ToArray();
        var backup = (await client.PostAsync("/backups", new { })).ShouldBe(HttpStatusCode.Created).Json!;
        var folder = backup["path"]!.GetValue<string>();
        Assert.Equal([Index], backup["indexes"]!.AsArray().Select(i => i!.GetValue<string>()));

        // The running instance never stopped: it keeps acknowledging writes after the backup.
        var countAfterBackup = acknowledged.Count;
        await Write(client, beta, [new { id = "after-backup", owner = "beta" }]);
        await stop.CancelAsync();
        await writer;
        Assert.True(acknowledged.Count >= countAfterBackup);

        // Restore: the backup folder, copied, is the data folder of a new process.
        using var restoredData = new TestData();
        CopyFolder(folder, restoredData.Path);
        await using var restored = await PlatformServer.StartAsync(live.MasterKey, $"--Platform:DataPath={restoredData.Path}");
        var copy = restored.Client;

        Assert.Equal(["alpha", "beta"], (await copy.GetAsync("/tenants")).ShouldBe(HttpStatusCode.OK).Json!["results"]!.AsArray()
            .Select(t => t!["uid"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        var alphaIds = await DocumentIds(copy, alpha);
        Assert.Subset(alphaIds, before.Append("1").Append("2").ToHashSet()); // and maybe some written during the backup
        Assert.DoesNotContain("beta-only", alphaIds);
        Assert.Equal(["1", "2", "beta-only"], (await DocumentIds(copy, beta)).Order(StringComparer.Ordinal));

        // Isolation holds in the copy: same ids, filters and tokens never cross.
        Assert.Equal("alpha", (await copy.GetAsync($"/indexes/{Index}/documents/1", alpha.Key)).ShouldBe(HttpStatusCode.OK).Json!["owner"]!.GetValue<string>());
        (await copy.GetAsync($"/indexes/{Index}/documents/beta-only", alpha.Key)).ShouldFail(HttpStatusCode.NotFound, "document_not_found");
        var crafted = (await copy.PostAsync($"/indexes/{Index}/search", new { filter = "owner = beta" }, alpha.Key)).ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Empty(crafted["hits"]!.AsArray());
        var restoredToken = (await copy.PostAsync("/tenants/beta/tokens", new { searchRules = new[] { "*" } }))
            .ShouldBe(HttpStatusCode.Created).Json!["token"]!.GetValue<string>();
        var betaHits = (await copy.PostAsync($"/indexes/{Index}/search", new { limit = 1000 }, restoredToken)).ShouldBe(HttpStatusCode.OK).Json!;
        Assert.All(betaHits["hits"]!.AsArray(), hit => Assert.Equal("beta", hit!["owner"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_backup_of_an_empty_platform_starts_as_an_empty_platform()
    {
        await using var live = await PlatformServer.StartAsync();
        var backup = (await live.Client.PostAsync("/backups", new { })).ShouldBe(HttpStatusCode.Created).Json!;
        using var restoredData = new TestData();
        CopyFolder(backup["path"]!.GetValue<string>(), restoredData.Path);
        await using var restored = await PlatformServer.StartAsync(live.MasterKey, $"--Platform:DataPath={restoredData.Path}");
        Assert.Equal(0, (await restored.Client.GetAsync("/tenants")).ShouldBe(HttpStatusCode.OK).Json!["total"]!.GetValue<int>());
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
