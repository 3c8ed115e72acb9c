extern alias standin;

using System.Net;
using System.Text.Json.Nodes;
using standin::Platform.Meilisearch.StandIn;
using Platform.Silo.Tests.Infrastructure;

namespace Platform.Silo.Tests.Hosting.Health;

/// <summary>
/// A clustered silo whose Redis stops: <c>GET /health/ready</c> turns 503 naming the storage check, while
/// <c>GET /health/live</c> and Meilisearch's <c>GET /health</c> stay 200 (docs/operations.md, "Health and draining").
/// </summary>
public sealed class RedisOutageReadinessTests
{
    private const string MasterKey = "a-master-key-for-the-redis-outage-test";

    [Fact]
    public async Task Ready_turns_503_naming_storage_when_redis_stops_while_live_and_health_stay_200()
    {
        using var data = new TestData();
        await using var meilisearch = await StandInMeilisearch.StartAsync("meili-master-key-for-the-outage-test");
        var redis = await RedisServer.StartAsync();
        var redisStopped = false;
        try
        {
            // Clustered silos run the Meilisearch engine, here against the stand-in.
            await using var silo = PlatformProcess.Start(
            [
                $"--Platform:MasterKey={MasterKey}", $"--Platform:DataPath={data.Path}",
                $"--Platform:Cluster:Redis={redis.ConnectionString}",
                $"--Platform:Cluster:ClusterId=outage-{Guid.NewGuid():N}",
                "--Platform:Search:Engine=meilisearch",
                $"--Platform:Search:Meilisearch:Url={meilisearch.Url}",
                $"--Platform:Search:Meilisearch:ApiKey={meilisearch.MasterKey}",
                "--Platform:Shutdown:DrainSeconds=0",
                .. RestartDurabilityTests.SiloPorts(),
            ]);
            await silo.WaitReadyAsync();

            await redis.DisposeAsync();
            redisStopped = true;

            var after = await ChecksWhenAsync(silo.Address, checks => checks["storage"] == "unhealthy");
            Assert.Equal(["healthy", "healthy"], new[] { after["drain"], after["engine"] });
            using var client = new PlatformClient(silo.Address, MasterKey);
            (await client.SendAsync(HttpMethod.Get, "/health/live", authorize: false)).ShouldBe(HttpStatusCode.OK);
            var health = (await client.SendAsync(HttpMethod.Get, "/health", authorize: false)).ShouldBe(HttpStatusCode.OK);
            Assert.Equal("available", health.Json!["status"]!.GetValue<string>());
        }
        finally
        {
            if (!redisStopped) await redis.DisposeAsync();
        }
    }

    /// <summary>Polls the ready probe until its checks satisfy <paramref name="condition"/>; every answer must be 503 or 200 accordingly.</summary>
    private static async Task<Dictionary<string, string>> ChecksWhenAsync(Uri address, Func<Dictionary<string, string>, bool> condition)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        var last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            using var response = await http.GetAsync("/health/ready");
            var text = await response.Content.ReadAsStringAsync();
            var json = JsonNode.Parse(text)!;
            var checks = json["checks"]!.AsArray().ToDictionary(c => c!["name"]!.GetValue<string>(), c => c!["status"]!.GetValue<string>());
            var expected = checks.Values.All(s => s == "healthy") ? HttpStatusCode.OK : HttpStatusCode.ServiceUnavailable;
            Assert.Equal(expected, response.StatusCode);
            if (condition(checks)) return checks;
            last = text;
            await Task.Delay(100);
        }

        throw new TimeoutException($"/health/ready never showed the expected checks; last: {last}");
    }
}
