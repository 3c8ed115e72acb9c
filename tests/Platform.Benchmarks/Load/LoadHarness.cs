using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Concurrency;
using Platform.Grains.Tenants;
using Platform.Search.Engine;

namespace Platform.Benchmarks.Load;

/// <summary>
/// Starts the real host in process (<see cref="Program.BuildApp"/>, real Kestrel, real silo, SQLite state, embedded
/// engine) in a temporary folder, loads it through the HTTP API with tenant keys, then runs the same query sequence
/// against three paths: HTTP (auth, grain, engine, JSON), the tenant grain called in process (no HTTP, no auth) and
/// the engine singleton called directly with the same tenant scope. Prints Markdown tables.
/// </summary>
public static class LoadHarness
{
    private const string IndexUid = "products";

    private enum PathKind
    {
        Engine,
        Grain,
        Http,
    }

    private sealed record Tenant(string Uid, string Key);

    private sealed record Operation(Tenant Tenant, LoadQuery Query);

    private sealed record Cell(int Round, PathKind Path, int Clients, LatencyStats Stats, IReadOnlyDictionary<string, LatencyStats> ByKind, string Load);

    public static async Task<int> RunAsync(LoadOptions options)
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "platform-load-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dataPath);
        var masterKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        string[] args =
        [
            $"--Platform:MasterKey={masterKey}",
            $"--Platform:DataPath={dataPath}",
            "--Platform:Listen=http://127.0.0.1:0",
            $"--Platform:Cluster:SiloPort={FreePort()}",
            "--Logging:LogLevel:Default=Warning",
        ];

        Out($"# Load harness: tenants {options.Tenants}, documents/tenant {options.DocumentsPerTenant}, batch {options.BatchSize}, " +
            $"ingest clients {options.IngestClients}, warm-up {options.Warmup}, requests {options.Requests}, " +
            $"clients {string.Join(',', options.Clients)}, rounds {options.Rounds}, seed {options.Seed}");
        Out($"load average at start: {LoadAverage()}");
        var app = Program.BuildApp(args);
        try
        {
            await app.StartAsync();
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            using var http = new HttpClient(new SocketsHttpHandler
            {
                MaxConnectionsPerServer = int.MaxValue,
                PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
                UseProxy = false,
            })
            { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5) };

            var tenants = await SetUpAsync(http, masterKey, options);
            var engine = app.Services.GetRequiredService<ISearchEngine>();
            var grains = app.Services.GetRequiredService<IGrainFactory>();
            await VerifyAsync(engine, tenants, options);

            var rng = new Random(options.Seed + 1);
            var operations = Enumerable.Range(0, options.Warmup + options.Requests)
                .Select(_ => new Operation(tenants[rng.Next(tenants.Count)], QueryMix.Create(rng)))
                .ToArray();
            Out($"query mix: {string.Join(", ", QueryMix.Kinds.Select(k => $"{k} {operations.Count(o => o.Query.Kind == k)}"))} " +
                $"(of {operations.Length}, the first {options.Warmup} are warm-up)");

            var cells = new List<Cell>();
            for (var round = 1; round <= options.Rounds; round++)
            {
                foreach (var clients in options.Clients)
                {
                    foreach (var path in Enum.GetValues<PathKind>())
                    {
                        Func<Operation, Task> call = path switch
                        {
                            PathKind.Engine => op => engine.SearchAsync(new TenantScope(op.Tenant.Uid), IndexUid, op.Query.EngineRequest),
                            PathKind.Grain => op => grains.GetGrain<ITenantGrain>(op.Tenant.Uid).Search(IndexUid, op.Query.EngineRequest.AsImmutable()),
                            _ => op => HttpSearchAsync(http, op),
                        };
                        var cell = await MeasureAsync(round, path, clients, operations, options.Warmup, call);
                        cells.Add(cell);
                        Out($"round {cell.Round} {cell.Path,-6} clients {cell.Clients}: {cell.Stats.PerSecond,8:0.0}/s " +
                            $"p50 {LatencyStats.Ms(cell.Stats.Percentile(50))} p99 {LatencyStats.Ms(cell.Stats.Percentile(99))} ms (load {cell.Load})");
                    }
                }
            }

            Report(cells, options);
            return 0;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            TryDelete(dataPath);
        }
    }

    // ---- setup ---------------------------------------------------------------------------------------------

    private static async Task<List<Tenant>> SetUpAsync(HttpClient http, string masterKey, LoadOptions options)
    {
        await SendAsync(http, HttpMethod.Post, "/indexes", new { uid = IndexUid, primaryKey = "id" }, masterKey, HttpStatusCode.Accepted);
        await SendAsync(http, HttpMethod.Patch, $"/indexes/{IndexUid}/settings", new
        {
            filterableAttributes = new[] { "brand", "category", "color", "price", "inStock", "rating" },
            sortableAttributes = new[] { "price", "rating" },
        }, masterKey, HttpStatusCode.Accepted);

        var started = Stopwatch.GetTimestamp();
        var tenants = new List<Tenant>(options.Tenants);
        for (var t = 0; t < options.Tenants; t++)
        {
            var uid = string.Create(CultureInfo.InvariantCulture, $"tenant-{t:D4}");
            await SendAsync(http, HttpMethod.Post, "/tenants", new { uid, name = $"Tenant {t}" }, masterKey, HttpStatusCode.Created);
            var key = await SendAsync(http, HttpMethod.Post, $"/tenants/{uid}/keys", new Dictionary<string, object?>
            {
                ["name"] = "load",
                ["actions"] = new[] { "search", "documents.*" },
                ["indexes"] = new[] { IndexUid },
                ["expiresAt"] = null,
            }, masterKey, HttpStatusCode.Created);
            tenants.Add(new Tenant(uid, key!["key"]!.GetValue<string>()));
        }

        Out($"{options.Tenants} tenants with keys created in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");

        // Each ingest client takes every IngestClients-th tenant; a tenant's batches go in order. Documents are
        // generated before the clock starts so the figure is the platform's, not the generator's.
        var batches = tenants.Select((tenant, t) =>
        {
            var rng = new Random(options.Seed + t);
            var documents = Enumerable.Range(1, options.DocumentsPerTenant).Select(n => ProductCatalog.Product(rng, n)).ToArray();
            return (tenant, bodies: documents.Chunk(options.BatchSize).Select(chunk => Encoding.UTF8.GetBytes(new JsonArray(chunk.ToArray<JsonNode?>()).ToJsonString())).ToArray());
        }).ToArray();
        var batchTimes = new List<long>();
        var retries = 0;
        var loadBefore = LoadAverage();
        started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, options.IngestClients).Select(c => Task.Run(async () =>
        {
            for (var t = c; t < batches.Length; t += options.IngestClients)
            {
                foreach (var body in batches[t].bodies)
                {
                    var begin = Stopwatch.GetTimestamp();
                    for (var attempt = 1; ; attempt++)
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Post, $"/indexes/{IndexUid}/documents") { Content = Json(body) };
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", batches[t].tenant.Key);
                        using var response = await http.SendAsync(request);
                        var text = await response.Content.ReadAsStringAsync();
                        if (response.StatusCode == HttpStatusCode.Accepted)
                        {
                            break;
                        }

                        // 503 is the grain response timeout (10 s) on a slow batch; the write is add-or-replace by id,
                        // so sending it again is safe. Retries are counted and reported.
                        if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == 5)
                        {
                            throw new InvalidOperationException($"ingest: {(int)response.StatusCode} {text}");
                        }

                        Interlocked.Increment(ref retries);
                    }

                    var elapsed = Stopwatch.GetTimestamp() - begin;
                    lock (batchTimes)
                    {
                        batchTimes.Add(elapsed);
                    }
                }
            }
        })));
        var wall = Stopwatch.GetElapsedTime(started);
        var total = options.Tenants * options.DocumentsPerTenant;
        var batchStats = new LatencyStats(batchTimes, wall);
        Out("");
        Out("## Ingest (HTTP, tenant keys)");
        Out("");
        Out("| documents | tenants | batch | clients | wall s | documents/s | batch p50 ms | batch p99 ms | retries (503) | load avg before / after |");
        Out("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        Out(string.Create(CultureInfo.InvariantCulture,
            $"| {total} | {options.Tenants} | {options.BatchSize} | {options.IngestClients} | {wall.TotalSeconds:0.0} | {total / wall.TotalSeconds:0} | " +
            $"{LatencyStats.Ms(batchStats.Percentile(50))} | {LatencyStats.Ms(batchStats.Percentile(99))} | {retries} | {loadBefore} / {LoadAverage()} |"));
        Out("");
        return tenants;
    }

    private static async Task VerifyAsync(ISearchEngine engine, List<Tenant> tenants, LoadOptions options)
    {
        var expected = Math.Min(options.DocumentsPerTenant, 1000);
        foreach (var tenant in tenants)
        {
            var result = await engine.SearchAsync(new TenantScope(tenant.Uid), IndexUid, new SearchRequest { Limit = 0 });
            if (result.EstimatedTotalHits != expected)
            {
                throw new InvalidOperationException($"{tenant.Uid}: {result.EstimatedTotalHits} documents found, {expected} expected.");
            }
        }
    }

    // ---- measurement ---------------------------------------------------------------------------------------

    private static async Task HttpSearchAsync(HttpClient http, Operation op)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/indexes/{IndexUid}/search") { Content = Json(op.Query.HttpBody) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", op.Tenant.Key);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"search: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>
    /// Runs <paramref name="operations"/> in order with <paramref name="clients"/> closed-loop clients (each takes
    /// the next operation when its previous one completes). The first <paramref name="warmup"/> are not recorded.
    /// </summary>
    private static async Task<Cell> MeasureAsync(int round, PathKind path, int clients, Operation[] operations, int warmup, Func<Operation, Task> call)
    {
        await RunClientsAsync(new ArraySegment<Operation>(operations, 0, warmup), clients, call, elapsed: null);
        var measured = new ArraySegment<Operation>(operations, warmup, operations.Length - warmup);
        var elapsed = new long[measured.Count];
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var load = LoadAverage();
        var started = Stopwatch.GetTimestamp();
        await RunClientsAsync(measured, clients, call, elapsed);
        var wall = Stopwatch.GetElapsedTime(started);
        var byKind = QueryMix.Kinds.ToDictionary(
            k => k,
            k => new LatencyStats(elapsed.Where((_, i) => measured[i].Query.Kind == k), wall));
        return new Cell(round, path, clients, new LatencyStats(elapsed, wall), byKind, load);
    }

    private static Task RunClientsAsync(ArraySegment<Operation> operations, int clients, Func<Operation, Task> call, long[]? elapsed)
    {
        var next = -1;
        return Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < operations.Count)
            {
                var begin = Stopwatch.GetTimestamp();
                await call(operations[i]);
                if (elapsed is not null)
                {
                    elapsed[i] = Stopwatch.GetTimestamp() - begin;
                }
            }
        })));
    }

    // ---- report --------------------------------------------------------------------------------------------

    private static void Report(List<Cell> cells, LoadOptions options)
    {
        Out("");
        Out($"## Search: {options.Requests} measured requests per row after {options.Warmup} warm-up, closed-loop clients");
        Out("");
        Out("| round | path | clients | searches/s | p50 ms | p95 ms | p99 ms | max ms | load avg (1/5/15 min) |");
        Out("|---:|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var c in cells.OrderBy(c => c.Clients).ThenBy(c => c.Round).ThenBy(c => c.Path))
        {
            Out(string.Create(CultureInfo.InvariantCulture,
                $"| {c.Round} | {Name(c.Path)} | {c.Clients} | {c.Stats.PerSecond:0} | {LatencyStats.Ms(c.Stats.Percentile(50))} | " +
                $"{LatencyStats.Ms(c.Stats.Percentile(95))} | {LatencyStats.Ms(c.Stats.Percentile(99))} | {LatencyStats.Ms(c.Stats.Max)} | {c.Load} |"));
        }

        Out("");
        Out("## Gateway overhead (HTTP minus engine; grain minus engine), same round and concurrency");
        Out("");
        Out("| round | clients | HTTP − engine p50 ms | HTTP − engine p99 ms | grain − engine p50 ms | grain − engine p99 ms | HTTP/engine throughput |");
        Out("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var group in cells.GroupBy(c => (c.Round, c.Clients)).OrderBy(g => g.Key.Clients).ThenBy(g => g.Key.Round))
        {
            var engine = group.Single(c => c.Path == PathKind.Engine).Stats;
            var grain = group.Single(c => c.Path == PathKind.Grain).Stats;
            var http = group.Single(c => c.Path == PathKind.Http).Stats;
            Out(string.Create(CultureInfo.InvariantCulture,
                $"| {group.Key.Round} | {group.Key.Clients} | {LatencyStats.Ms(http.Percentile(50) - engine.Percentile(50))} | " +
                $"{LatencyStats.Ms(http.Percentile(99) - engine.Percentile(99))} | {LatencyStats.Ms(grain.Percentile(50) - engine.Percentile(50))} | " +
                $"{LatencyStats.Ms(grain.Percentile(99) - engine.Percentile(99))} | {http.PerSecond / engine.PerSecond:0.00} |"));
        }

        Out("");
        Out("## p50 / p99 ms by query kind");
        Out("");
        Out("| round | clients | path | " + string.Join(" | ", QueryMix.Kinds) + " |");
        Out("|---:|---:|---|" + string.Concat(QueryMix.Kinds.Select(_ => "---:|")));
        foreach (var c in cells.OrderBy(c => c.Clients).ThenBy(c => c.Round).ThenBy(c => c.Path))
        {
            Out($"| {c.Round} | {c.Clients} | {Name(c.Path)} | " +
                string.Join(" | ", QueryMix.Kinds.Select(k => $"{LatencyStats.Ms(c.ByKind[k].Percentile(50))} / {LatencyStats.Ms(c.ByKind[k].Percentile(99))}")) + " |");
        }
    }

    private static string Name(PathKind path) => path switch
    {
        PathKind.Engine => "engine (direct)",
        PathKind.Grain => "grain → engine",
        _ => "HTTP → grain → engine",
    };

    // ---- helpers -------------------------------------------------------------------------------------------

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static async Task<JsonNode?> SendAsync(HttpClient http, HttpMethod method, string path, object body, string bearer, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, path) { Content = Json(JsonSerializer.SerializeToUtf8Bytes(body)) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text}");
        }

        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    /// <summary>The 1, 5 and 15 minute load averages from /proc/loadavg (the machine is shared).</summary>
    public static string LoadAverage()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"{parts[0]} {parts[1]} {parts[2]}";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Out(string line) => Console.WriteLine(line);

    private static void TryDelete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a finalizer; the temporary folder is left behind.
        }
    }
}
