using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Health;

/// <summary>
/// <c>GET /health/live</c> and <c>GET /health/ready</c> in process: their JSON, the checks each runs, 503 with the
/// failing check named, and Meilisearch's <c>GET /health</c> left exactly as it was.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class HealthProbeApiTests(PlatformFixture fixture)
{
    [Fact]
    public async Task Meilisearchs_health_route_is_unchanged()
    {
        var reply = await fixture.Client.SendAsync(HttpMethod.Get, "/health", authorize: false);

        reply.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("""{"status":"available"}""", reply.Json!.ToJsonString());
    }

    [Fact]
    public async Task Live_asks_no_dependency_and_needs_no_credentials()
    {
        var reply = await fixture.Client.SendAsync(HttpMethod.Get, "/health/live", authorize: false);

        reply.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("healthy", reply.Json!["status"]!.GetValue<string>());
        Assert.Equal(["process"], Checks(reply).Select(c => c.Name));
    }

    [Fact]
    public async Task Ready_runs_every_check_and_reports_status_duration_and_description()
    {
        var reply = await fixture.Client.SendAsync(HttpMethod.Get, "/health/ready", authorize: false);

        reply.ShouldBe(HttpStatusCode.OK);
        var json = reply.Json!.AsObject();
        Assert.Equal(["status", "totalDurationMs", "checks"], json.Select(p => p.Key));
        Assert.Equal("healthy", json["status"]!.GetValue<string>());
        Assert.True(json["totalDurationMs"]!.GetValue<double>() >= 0);
        var checks = Checks(reply);
        Assert.Equal(["drain", "cluster", "storage", "engine"], checks.Select(c => c.Name));
        foreach (var check in checks)
        {
            Assert.Equal(["name", "status", "durationMs", "description"], check.Json.Select(p => p.Key));
            Assert.Equal("healthy", check.Status);
            Assert.True(check.Json["durationMs"]!.GetValue<double>() >= 0);
            Assert.False(string.IsNullOrWhiteSpace(check.Json["description"]!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task Probes_answer_get_only()
    {
        var reply = await fixture.Client.SendAsync(HttpMethod.Post, "/health/ready", body: new { }, authorize: false);

        reply.ShouldFail(HttpStatusCode.MethodNotAllowed, "method_not_allowed");
    }

    [Fact]
    public async Task Ready_is_503_naming_the_engine_when_meilisearch_does_not_answer()
    {
        // A free port nobody listens on: connections are refused, as when Meilisearch is down.
        var deadPort = FreePort.Next();
        await using var server = await PlatformServer.StartAsync(extraArgs:
        [
            "--Platform:Search:Engine=meilisearch",
            $"--Platform:Search:Meilisearch:Url=http://127.0.0.1:{deadPort}",
            "--Platform:Search:Meilisearch:ApiKey=meili-master-key-for-tests",
        ]);

        var ready = await server.Client.SendAsync(HttpMethod.Get, "/health/ready", authorize: false);

        ready.ShouldBe(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("unhealthy", ready.Json!["status"]!.GetValue<string>());
        var checks = Checks(ready).ToDictionary(c => c.Name, c => c.Status);
        Assert.Equal("unhealthy", checks["engine"]);
        Assert.Equal(["healthy", "healthy", "healthy"], new[] { checks["drain"], checks["cluster"], checks["storage"] });
        // Alive all the same: restarting the silo would not bring Meilisearch back.
        (await server.Client.SendAsync(HttpMethod.Get, "/health/live", authorize: false)).ShouldBe(HttpStatusCode.OK);
        (await server.Client.SendAsync(HttpMethod.Get, "/health", authorize: false)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Ready_turns_503_the_moment_the_host_begins_to_stop_while_requests_are_still_served()
    {
        await using var server = await PlatformServer.StartAsync();
        (await server.Client.SendAsync(HttpMethod.Get, "/health/ready", authorize: false)).ShouldBe(HttpStatusCode.OK);

        // What SIGTERM does first: raise ApplicationStopping. The host itself is stopped later, by DisposeAsync.
        server.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();

        var ready = await server.Client.SendAsync(HttpMethod.Get, "/health/ready", authorize: false);
        ready.ShouldBe(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("unhealthy", Checks(ready).Single(c => c.Name == "drain").Status);
        (await server.Client.SendAsync(HttpMethod.Get, "/health/live", authorize: false)).ShouldBe(HttpStatusCode.OK);
        (await server.Client.GetAsync("/tenants")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public void Kestrel_stops_before_the_silo_so_in_flight_requests_can_still_call_grains()
    {
        // Hosted services stop in reverse registration order; docs/operations.md ("Health and draining") relies on it.
        var names = fixture.Server.Services.GetServices<IHostedService>().Select(s => s.GetType().Name).ToList();

        var kestrel = names.IndexOf("GenericWebHostService");
        var silo = names.IndexOf("SiloHostedService");
        Assert.True(kestrel >= 0 && silo >= 0, "hosted services: " + string.Join(", ", names));
        Assert.True(kestrel > silo, "Kestrel must be registered after the silo (it then stops first): " + string.Join(", ", names));
    }

    private static List<(string Name, string Status, JsonObject Json)> Checks(Reply reply) =>
        [.. reply.Json!["checks"]!.AsArray().Select(c => (c!["name"]!.GetValue<string>(), c["status"]!.GetValue<string>(), c.AsObject()))];
}
