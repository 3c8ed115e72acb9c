using System.Net;
using System.Text.Json.Nodes;
using Platform.Silo.Tests.Cluster;
using Platform.Silo.Tests.Infrastructure;

namespace Platform.Silo.Tests.Hosting;

/// <summary>
/// Two silo processes clustered through a real Redis, each serving the REST API, on the Meilisearch engine (the
/// stand-in as a process): cluster mode keeps no search data on a silo, so what one silo accepts every silo serves.
/// </summary>
public sealed class RedisClusterTests
{
    private const string MasterKey = "a-shared-master-key-for-both-silos";
    private const string MeilisearchKey = "the-meilisearch-master-key-of-the-stand-in";

    [Fact]
    public async Task Tenants_keys_settings_documents_and_searches_are_the_same_through_either_silo_and_stay_per_tenant()
    {
        await using var redis = await RedisServer.StartAsync();
        using var data1 = new TestData();
        using var data2 = new TestData();
        await using var meilisearch = await StandInProcess.StartAsync(MeilisearchKey, Path.Combine(data1.Path, "meilisearch"));
        var clusterId = "test-" + Guid.NewGuid().ToString("N")[..8];
        string[] Args(TestData data) =>
        [
            $"--Platform:MasterKey={MasterKey}",
            $"--Platform:DataPath={data.Path}",
            $"--Platform:Cluster:Redis={redis.ConnectionString}",
            $"--Platform:Cluster:ClusterId={clusterId}",
            "--Platform:Search:Engine=meilisearch",
            $"--Platform:Search:Meilisearch:Url={meilisearch.Url}",
            $"--Platform:Search:Meilisearch:ApiKey={MeilisearchKey}",
            .. RestartDurabilityTests.SiloPorts(),
        ];

        await using var silo1 = PlatformProcess.Start(Args(data1));
        await silo1.WaitHealthyAsync();
        await using var silo2 = PlatformProcess.Start(Args(data2));
        await silo2.WaitHealthyAsync();
        using var client1 = new PlatformClient(silo1.Address, MasterKey);
        using var client2 = new PlatformClient(silo2.Address, MasterKey);

        await client1.CreateTenantAsync("clustered", rules: new[] { "products" });
        var key = await client1.CreateKeyAsync("clustered");

        var seen = (await client2.GetAsync("/tenants/clustered")).ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Equal("clustered", seen["uid"]!.GetValue<string>());
        var keyThere = (await client2.GetAsync($"/tenants/clustered/keys/{key["key"]}")).ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Equal(key["uid"]!.GetValue<string>(), keyThere["uid"]!.GetValue<string>());

        // And the other way round, for a change made through the second silo.
        (await client2.PatchAsync("/tenants/clustered", new { name = "Clustered" })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Clustered", (await client1.GetAsync("/tenants/clustered")).Json!["name"]!.GetValue<string>());
        var listed = (await client2.GetAsync("/tenants")).ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Equal(1, listed["total"]!.GetValue<int>());

        await DocumentsAndSearchesCrossSilosButNotTenantsAsync(client1, client2);
    }

    /// <summary>
    /// The operator's index and settings go in through one silo, each tenant writes the same ids through the other, and
    /// every read through either silo shows each tenant its own documents only.
    /// </summary>
    private static async Task DocumentsAndSearchesCrossSilosButNotTenantsAsync(PlatformClient client1, PlatformClient client2)
    {
        (await client1.PostAsync("/indexes", new { uid = "products", primaryKey = "id" })).ShouldBe(HttpStatusCode.Accepted);
        (await client1.PatchAsync("/indexes/products/settings", new { filterableAttributes = new[] { "price" } })).ShouldBe(HttpStatusCode.Accepted);
        await client2.CreateTenantAsync("other", rules: new[] { "products" });
        string[] actions = ["search", "documents.*", "tasks.get"];
        var first = (await client1.CreateKeyAsync("clustered", actions, ["products"]))["key"]!.GetValue<string>();
        var second = (await client2.CreateKeyAsync("other", actions, ["products"]))["key"]!.GetValue<string>();

        // Before any document: both silos know the index (no index_not_found on the silo that did not create it).
        foreach (var client in new[] { client1, client2 })
        {
            var empty = (await client.PostAsync("/indexes/products/search", new { q = "lamp" }, first)).ShouldBe(HttpStatusCode.OK).Json!;
            Assert.Empty(empty["hits"]!.AsArray());
        }

        object[] Documents(string owner) => [.. Enumerable.Range(1, 20).Select(i => new { id = i, owner, title = $"lamp {i}", price = i * 10 })];
        var task = (await client2.PostAsync("/indexes/products/documents", Documents("clustered"), first)).ShouldBe(HttpStatusCode.Accepted).Json!;
        (await client1.PostAsync("/indexes/products/documents", Documents("other"), second)).ShouldBe(HttpStatusCode.Accepted);
        var status = (await client1.GetAsync($"/tasks/{task["taskUid"]}", first)).ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Equal("succeeded", status["status"]!.GetValue<string>());

        foreach (var (client, bearer, owner) in new[] { (client1, first, "clustered"), (client2, first, "clustered"), (client1, second, "other"), (client2, second, "other") })
        {
            // The settings made through silo 1 hold everywhere: price is filterable through either silo.
            var found = (await client.PostAsync("/indexes/products/search", new { q = "lamp", filter = "price >= 100", limit = 50 }, bearer))
                .ShouldBe(HttpStatusCode.OK).Json!;
            var hits = found["hits"]!.AsArray();
            Assert.Equal(11, hits.Count);
            Assert.All(hits, h => Assert.Equal(owner, h!["owner"]!.GetValue<string>()));
            var document = (await client.GetAsync("/indexes/products/documents/7", bearer)).ShouldBe(HttpStatusCode.OK).Json!;
            Assert.Equal(owner, document["owner"]!.GetValue<string>());
            var all = (await client.GetAsync("/indexes/products/documents?limit=100", bearer)).ShouldBe(HttpStatusCode.OK).Json!;
            Assert.Equal(20, all["total"]!.GetValue<int>());
            Assert.All(all["results"]!.AsArray(), d => Assert.Equal(owner, d!["owner"]!.GetValue<string>()));
        }

        // A crafted filter that matches every document of the index still finds only the caller's own.
        var crafted = (await client2.PostAsync("/indexes/products/search", new { q = "", filter = "price >= 0 OR NOT price >= 0", limit = 100 }, first))
            .ShouldBe(HttpStatusCode.OK).Json!;
        var everything = Assert.IsType<JsonArray>(crafted["hits"]);
        Assert.Equal(20, everything.Count);
        Assert.All(everything, h => Assert.Equal("clustered", h!["owner"]!.GetValue<string>()));
    }
}
