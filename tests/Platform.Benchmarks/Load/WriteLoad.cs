using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Platform.Grains.Tasks;

namespace Platform.Benchmarks.Load;

/// <summary>
/// Concurrent small writes by many tenants through HTTP (one document per request, tenant keys), and the raw rate of
/// the operator's task sequence grain, which before per-tenant numbering every write went through
/// (docs/benchmarks.md#task-numbering). Arguments: <c>--tenants</c> (50), <c>--clients</c> (16), <c>--requests</c> (3000).
/// </summary>
public static class WriteLoad
{
    private const string IndexUid = "writes";

    public static async Task<int> RunAsync(string[] args)
    {
        var tenants = Arg(args, "--tenants", 50);
        var clients = Arg(args, "--clients", 16);
        var requests = Arg(args, "--requests", 3000);
        var dataPath = Path.Combine(Path.GetTempPath(), "platform-writes-" + Guid.NewGuid().ToString("N")[..8]);
        var masterKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var app = Program.BuildApp(
        [
            $"--Platform:MasterKey={masterKey}", $"--Platform:DataPath={dataPath}", "--Platform:Listen=http://127.0.0.1:0",
            $"--Platform:Cluster:SiloPort={FreePort()}", "--Logging:LogLevel:Default=Warning",
        ]);
        try
        {
            await app.StartAsync();
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, UseProxy = false })
            { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5) };
            await Send(http, HttpMethod.Post, "/indexes", new { uid = IndexUid, primaryKey = "id" }, masterKey);
            var keys = new List<string>();
            for (var t = 0; t < tenants; t++)
            {
                var uid = string.Create(CultureInfo.InvariantCulture, $"writer-{t:D4}");
                await Send(http, HttpMethod.Post, "/tenants", new { uid }, masterKey);
                var key = await Send(http, HttpMethod.Post, $"/tenants/{uid}/keys",
                    new { actions = new[] { "documents.add" }, indexes = new[] { IndexUid }, expiresAt = (string?)null }, masterKey);
                keys.Add(key!["key"]!.GetValue<string>());
            }

            Console.WriteLine($"# writes: tenants {tenants}, clients {clients}, requests {requests}, load average {LoadHarness.LoadAverage()}");
            var writes = await Measure(clients, requests, i => Send(http, HttpMethod.Post, $"/indexes/{IndexUid}/documents",
                new[] { new { id = i, title = "t" } }, keys[i % keys.Count]));
            Print("HTTP document writes", writes);

            var sequence = app.Services.GetRequiredService<IGrainFactory>().GetGrain<ITaskSequenceGrain>(0);
            Print("ITaskSequenceGrain.Next()", await Measure(clients, requests, _ => sequence.Next()));
            Console.WriteLine($"load average at end {LoadHarness.LoadAverage()}");
            return 0;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            try { Directory.Delete(dataPath, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<LatencyStats> Measure<T>(int clients, int requests, Func<int, Task<T>> call)
    {
        var times = new long[requests];
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < requests; i = Interlocked.Increment(ref next))
            {
                var begin = Stopwatch.GetTimestamp();
                await call(i);
                times[i] = Stopwatch.GetTimestamp() - begin;
            }
        })));
        return new LatencyStats(times, Stopwatch.GetElapsedTime(started));
    }

    private static void Print(string what, LatencyStats stats) => Console.WriteLine(
        $"| {what} | {stats.Count} | {stats.PerSecond:0} | {LatencyStats.Ms(stats.Percentile(50))} | {LatencyStats.Ms(stats.Percentile(99))} |");

    private static async Task<JsonNode?> Send(HttpClient http, HttpMethod method, string path, object body, string bearer)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.Created or HttpStatusCode.OK
            ? JsonNode.Parse(text)
            : throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text}");
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
