using System.Net;
using Platform.Silo.Tests.Infrastructure;

namespace Platform.Silo.Tests.Hosting;

/// <summary>Two silo processes clustered through a real Redis, each serving the REST API.</summary>
public sealed class RedisClusterTests
{
    private const string MasterKey = "a-shared-master-key-for-both-silos";

    [Fact]
    public async Task A_tenant_created_through_one_silo_is_served_by_the_other()
    {
        await using var redis = await RedisServer.StartAsync();
        using var data1 = new TestData();
        using var data2 = new TestData();
        var clusterId = "test-" + Guid.NewGuid().ToString("N")[..8];
        string[] Args(TestData data) =>
        [
            $"--Platform:MasterKey={MasterKey}",
            $"--Platform:DataPath={data.Path}",
            $"--Platform:Cluster:Redis={redis.ConnectionString}",
            $"--Platform:Cluster:ClusterId={clusterId}",
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
    }
}
