using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Platform.Silo.Tests.Infrastructure;

namespace Platform.Silo.Tests.Hosting.Health;

/// <summary>
/// SIGTERM on the real host process: ready turns 503 at once, the process keeps serving through the drain, a request
/// in flight when the signal came completes (and its grain call with it), then the process exits 0.
/// </summary>
public sealed class DrainOnSigtermTests
{
    private const string MasterKey = "a-master-key-for-the-drain-test";

    /// <summary>Long enough for the test's requests during the drain on a loaded machine; it is not measured.</summary>
    private const int DrainSeconds = 10;

    [Fact]
    public async Task Sigterm_reports_not_ready_keeps_serving_finishes_in_flight_requests_and_exits_0()
    {
        using var data = new TestData();
        await using var silo = PlatformProcess.Start(
        [
            $"--Platform:MasterKey={MasterKey}", $"--Platform:DataPath={data.Path}",
            $"--Platform:Shutdown:DrainSeconds={DrainSeconds}", .. RestartDurabilityTests.SiloPorts(),
        ]);
        await silo.WaitReadyAsync();
        using var client = new PlatformClient(silo.Address, MasterKey);
        await client.CreateTenantAsync("before-the-drain");

        // A request in flight: its body is held open until the drain has been seen.
        var body = new TrickledBody("""{"uid": "in-flight" """, "}");
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var slow = new HttpClient { BaseAddress = silo.Address, Timeout = TimeSpan.FromSeconds(120) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/tenants") { Content = body };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", MasterKey);
        var inFlight = slow.SendAsync(request);
        await body.Sending.WaitAsync(TimeSpan.FromSeconds(30));

        await silo.TerminateAsync();

        var ready = await PollReadyUntilAsync(silo.Address, HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(DrainSeconds));
        Assert.Equal("unhealthy", ready["status"]!.GetValue<string>());
        var drain = ready["checks"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "drain")!;
        Assert.Equal("unhealthy", drain["status"]!.GetValue<string>());

        // Still serving during the drain: new requests (a load balancer has not noticed yet) are answered.
        (await client.GetAsync("/tenants/before-the-drain")).ShouldBe(HttpStatusCode.OK);
        (await client.SendAsync(HttpMethod.Get, "/health/live", authorize: false)).ShouldBe(HttpStatusCode.OK);

        body.Release();
        using var response = await inFlight;
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("in-flight", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["uid"]!.GetValue<string>());

        var exitCode = await silo.WaitForExitAsync(TimeSpan.FromSeconds(DrainSeconds + 60));
        Assert.True(exitCode == 0, $"exit code {exitCode}:\n{silo.Output}");
    }

    [Fact]
    public async Task Sigterm_without_a_drain_exits_0_at_once_and_keeps_what_was_acknowledged()
    {
        using var data = new TestData();
        string[] args = [$"--Platform:MasterKey={MasterKey}", $"--Platform:DataPath={data.Path}", "--Platform:Shutdown:DrainSeconds=0"];
        await using (var first = PlatformProcess.Start([.. args, .. RestartDurabilityTests.SiloPorts()]))
        {
            await first.WaitReadyAsync();
            using var client = new PlatformClient(first.Address, MasterKey);
            await client.CreateTenantAsync("kept-over-sigterm");

            await first.TerminateAsync();

            var exitCode = await first.WaitForExitAsync(TimeSpan.FromSeconds(60));
            Assert.True(exitCode == 0, $"exit code {exitCode}:\n{first.Output}");
        }

        await using var second = PlatformProcess.Start([.. args, .. RestartDurabilityTests.SiloPorts()]);
        await second.WaitReadyAsync();
        using var again = new PlatformClient(second.Address, MasterKey);
        (await again.GetAsync("/tenants/kept-over-sigterm")).ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>Polls <c>GET /health/ready</c> until it answers <paramref name="status"/>; returns that answer.</summary>
    internal static async Task<JsonNode> PollReadyUntilAsync(Uri address, HttpStatusCode status, TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + timeout;
        var last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            using var response = await http.GetAsync("/health/ready");
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == status) return JsonNode.Parse(text)!;
            last = $"{(int)response.StatusCode} {text}";
            await Task.Delay(50);
        }

        throw new TimeoutException($"/health/ready did not answer {(int)status} in time; last: {last}");
    }
}
