using System.Net;
using Platform.Silo.Tests.Infrastructure;

namespace Platform.Silo.Tests.Hosting;

/// <summary>The real host process, killed with SIGKILL and started again on the same data folder.</summary>
public sealed class RestartDurabilityTests
{
    [Fact]
    public async Task Tenants_keys_indexes_settings_documents_and_tasks_survive_sigkill()
    {
        using var data = new TestData();
        string[] args = [$"--Platform:DataPath={data.Path}", .. SiloPorts()];
        string masterKey, keyValue, keyUid;

        await using (var first = PlatformProcess.Start(args))
        {
            await first.WaitHealthyAsync();
            // No master key configured: development mode generates one beside the data.
            masterKey = (await File.ReadAllTextAsync(Path.Combine(data.Path, "master-key"))).Trim();
            Assert.Contains("master-key", first.Output, StringComparison.Ordinal);
            using var client = new PlatformClient(first.Address, masterKey);

            await client.CreateTenantAsync("durable-tenant", rules: new[] { "products" });
            var key = await client.CreateKeyAsync("durable-tenant", ["search", "documents.*", "tasks.get"], ["products"]);
            keyValue = key["key"]!.GetValue<string>();
            keyUid = key["uid"]!.GetValue<string>();
            (await client.PostAsync("/indexes", new { uid = "products", primaryKey = "id" })).ShouldBe(HttpStatusCode.Accepted);
            (await client.PatchAsync("/indexes/products/settings", new { filterableAttributes = new[] { "brand" } }))
                .ShouldBe(HttpStatusCode.Accepted);
            (await client.PatchAsync("/tenants/durable-tenant", new { name = "Durable" })).ShouldBe(HttpStatusCode.OK);

            // Documents: the 202 comes after the engine committed them, so a kill right after loses nothing.
            var documents = Enumerable.Range(0, 50).Select(i => new { id = i, brand = i % 2 == 0 ? "acme" : "other", title = $"item {i}" });
            (await client.PostAsync("/indexes/products/documents", documents, keyValue)).ShouldBe(HttpStatusCode.Accepted);
            (await client.PostAsync("/indexes/products/documents/delete-batch", new[] { 0, 1 }, keyValue)).ShouldBe(HttpStatusCode.Accepted);

            await first.KillAsync();
        }

        await using var second = PlatformProcess.Start(args);
        await second.WaitHealthyAsync();
        Assert.Equal(masterKey, (await File.ReadAllTextAsync(Path.Combine(data.Path, "master-key"))).Trim());
        using var again = new PlatformClient(second.Address, masterKey);

        var tenant = (await again.GetAsync("/tenants/durable-tenant")).ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Equal("Durable", tenant["name"]!.GetValue<string>());
        Assert.Equal("products", tenant["rules"]![0]!.GetValue<string>());
        var key2 = (await again.GetAsync($"/tenants/durable-tenant/keys/{keyValue}")).ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Equal(keyUid, key2["uid"]!.GetValue<string>());
        Assert.Equal(["search", "documents.*", "tasks.get"], key2["actions"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal("id", (await again.GetAsync("/indexes/products")).ShouldBe(HttpStatusCode.OK).Json!["primaryKey"]!.GetValue<string>());
        Assert.Equal("brand", (await again.GetAsync("/indexes/products/settings")).Json!["filterableAttributes"]![0]!.GetValue<string>());
        var tasks = (await again.GetAsync("/tasks")).ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Equal(4, tasks["total"]!.GetValue<int>());
        var tenantTasks = (await again.GetAsync("/tasks", keyValue)).ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Equal(2, tenantTasks["total"]!.GetValue<int>());

        var stored = (await again.PostAsync("/indexes/products/documents/fetch", new { filter = "brand = acme", limit = 100 }, keyValue))
            .ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Equal(24, stored["total"]!.GetValue<int>());
        Assert.Equal("item 49", (await again.GetAsync("/indexes/products/documents/49", keyValue)).ShouldBe(HttpStatusCode.OK).Json!["title"]!.GetValue<string>());
        (await again.GetAsync("/indexes/products/documents/0", keyValue)).ShouldFail(HttpStatusCode.NotFound, "document_not_found");

        // Task uids keep counting after the restart: none is handed out twice. The operator counts in prefix 0 (index
        // creation 0, settings 1); the tenant in its own prefix (docs/tasks.md#task-uids).
        var next = (await again.PostAsync("/indexes", new { uid = "more" })).ShouldBe(HttpStatusCode.Accepted).Json!;
        Assert.Equal(2, next["taskUid"]!.GetValue<long>());
        var tenantNext = (await again.PostAsync("/indexes/products/documents", new[] { new { id = 99 } }, keyValue)).ShouldBe(HttpStatusCode.Accepted).Json!;
        Assert.Equal(tenantTasks["results"]![0]!["uid"]!.GetValue<long>() + 1, tenantNext["taskUid"]!.GetValue<long>());
    }

    /// <summary>A free silo port; the gateway stays at its default (off).</summary>
    internal static string[] SiloPorts() => [$"--Platform:Cluster:SiloPort={FreePort.Next()}"];
}
