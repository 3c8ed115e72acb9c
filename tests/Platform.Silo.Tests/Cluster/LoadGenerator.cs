using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Platform.Silo.Tests.Cluster;

/// <summary>
/// A bounded steady load: one search loop per silo (alternating tenants, checking every hit belongs to the caller)
/// and one write loop through one silo (two documents per write, two writes for the first tenant to one for the
/// second, so the first is the busiest). Each loop sends one request at a time, paced, so the whole load stays
/// under ~150 requests per second, and it stops by itself after <see cref="MaxDuration"/>.
/// </summary>
public sealed class LoadGenerator : IAsyncDisposable
{
    public const string IndexUid = "products";
    public const string SearchText = "failover";
    public static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan WriteInterval = TimeSpan.FromMilliseconds(40);
    private static readonly TimeSpan SearchInterval = TimeSpan.FromMilliseconds(30);

    private readonly IReadOnlyList<LoadTenant> _tenants;
    private readonly WriteLedger _ledger;
    private readonly HttpClient _http;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stop = new(MaxDuration);
    private readonly ConcurrentQueue<RequestOutcome> _outcomes = new();
    private readonly ConcurrentDictionary<string, (CancellationTokenSource Stop, Task Loop)> _searches = new(StringComparer.Ordinal);
    private readonly Task _writes;
    private SiloSlot _writer;
    private int _isolationViolations;

    public LoadGenerator(IReadOnlyList<LoadTenant> tenants, WriteLedger ledger, IEnumerable<SiloSlot> searchThrough, SiloSlot writeThrough)
    {
        _tenants = tenants;
        _ledger = ledger;
        // Fresh connections often, so a restarted silo is reached on new sockets; a generous timeout, so a request
        // held up by a failover counts as slow, not failed.
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(2), ConnectTimeout = TimeSpan.FromSeconds(5) })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        _writer = writeThrough;
        foreach (var silo in searchThrough) SearchThrough(silo);
        _writes = Task.Run(WriteLoop);
    }

    /// <summary>Time since the load started; the clock of every <see cref="RequestOutcome"/>.</summary>
    public TimeSpan Now => _clock.Elapsed;

    public IReadOnlyList<RequestOutcome> Outcomes => [.. _outcomes];

    /// <summary>Search hits or documents of another tenant seen by a caller: must stay 0.</summary>
    public int IsolationViolations => Volatile.Read(ref _isolationViolations);

    public void SearchThrough(SiloSlot silo)
    {
        var stop = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        if (!_searches.TryAdd(silo.Name, (stop, Task.Run(() => SearchLoop(silo, stop.Token))))) stop.Dispose();
    }

    /// <summary>Stops sending searches to a silo, as a load balancer takes it out; waits for its last request.</summary>
    public async Task StopSearchingAsync(SiloSlot silo)
    {
        if (!_searches.TryRemove(silo.Name, out var search)) return;
        await search.Stop.CancelAsync();
        await search.Loop;
        search.Stop.Dispose();
    }

    /// <summary>Sends the following writes through another silo.</summary>
    public void WriteThrough(SiloSlot silo) => Volatile.Write(ref _writer, silo);

    /// <summary>Whether every silo in <paramref name="silos"/> served a search, and some silo a write, since <paramref name="since"/>.</summary>
    public bool ServedSince(TimeSpan since, IEnumerable<SiloSlot> silos)
    {
        var recent = _outcomes.Where(o => o.Succeeded && o.Started >= since).ToList();
        return recent.Any(o => o.Kind == "write") && silos.All(s => recent.Any(o => o.Kind == "search" && o.Silo == s.Name));
    }

    /// <summary>
    /// Waits until the load through <paramref name="silos"/> has run <paramref name="quiet"/> without a failure and with
    /// searches served by each of them (and writes), giving up after <paramref name="bound"/>. Returns when that was.
    /// </summary>
    public async Task<TimeSpan> WaitQuietAsync(IReadOnlyList<SiloSlot> silos, TimeSpan quiet, TimeSpan bound)
    {
        var names = silos.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var deadline = Now + bound;
        while (Now < deadline)
        {
            var lastFailure = _outcomes.Where(o => !o.Succeeded && names.Contains(o.Silo)).Select(o => o.Ended).DefaultIfEmpty(TimeSpan.Zero).Max();
            var since = Now - quiet;
            if (lastFailure < since && ServedSince(since, silos)) return lastFailure;
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        var last = _outcomes.LastOrDefault(o => !o.Succeeded);
        throw new TimeoutException($"The load through {string.Join(", ", names)} did not run {quiet} without failures within {bound}; last failure: {last}");
    }

    /// <summary>Waits until a request that ended after <paramref name="since"/> failed; false after <paramref name="bound"/>.</summary>
    public async Task<bool> WaitFailureAsync(TimeSpan since, TimeSpan bound)
    {
        var deadline = Now + bound;
        while (Now < deadline)
        {
            if (_outcomes.Any(o => !o.Succeeded && o.Ended >= since)) return true;
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        return false;
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        foreach (var silo in _searches.Keys.ToList())
        {
            if (_searches.TryRemove(silo, out var search))
            {
                await search.Loop;
                search.Stop.Dispose();
            }
        }

        await _writes;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _http.Dispose();
        _stop.Dispose();
    }

    private async Task SearchLoop(SiloSlot silo, CancellationToken stop)
    {
        using var pace = new PeriodicTimer(SearchInterval);
        for (var turn = 0; !stop.IsCancellationRequested; turn++)
        {
            var tenant = _tenants[turn % _tenants.Count];
            var started = Now;
            try
            {
                using var request = Request(HttpMethod.Post, silo, "/indexes/" + IndexUid + "/search", tenant, new { q = SearchText, limit = 50 });
                using var response = await _http.SendAsync(request, CancellationToken.None);
                var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                if (response.StatusCode == HttpStatusCode.OK) CountForeign(tenant, JsonNode.Parse(body)!["hits"]!.AsArray());
                Record(silo, "search", started, response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {body}");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                Record(silo, "search", started, false, e.Message);
            }

            if (!await Paced(pace, stop)) break;
        }
    }

    private async Task WriteLoop()
    {
        using var pace = new PeriodicTimer(WriteInterval);
        for (var turn = 0; !_stop.IsCancellationRequested; turn++)
        {
            var tenant = _tenants[turn % 3 == 2 ? 1 : 0];
            var silo = Volatile.Read(ref _writer);
            var sequence = _ledger.NextSequence(tenant.Uid);
            string[] ids = [$"doc-{sequence}-a", $"doc-{sequence}-b"];
            var documents = ids.Select(id => new { id, tenant = tenant.Label, sequence, title = $"{SearchText} {tenant.Label} {sequence}" });
            var started = Now;
            try
            {
                using var request = Request(HttpMethod.Post, silo, "/indexes/" + IndexUid + "/documents", tenant, documents);
                using var response = await _http.SendAsync(request, CancellationToken.None);
                var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                var accepted = response.StatusCode == HttpStatusCode.Accepted;
                if (accepted) _ledger.Acknowledge(new AcknowledgedWrite(tenant.Uid, ids, JsonNode.Parse(body)!["taskUid"]!.GetValue<long>()));
                Record(silo, "write", started, accepted, $"{(int)response.StatusCode} {body}");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                Record(silo, "write", started, false, e.Message);
            }

            if (!await Paced(pace, _stop.Token)) break;
        }
    }

    private static async Task<bool> Paced(PeriodicTimer pace, CancellationToken stop)
    {
        try
        {
            return await pace.WaitForNextTickAsync(stop);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void CountForeign(LoadTenant caller, JsonArray hits)
    {
        var foreign = hits.Count(h => h?["tenant"]?.GetValue<string>() != caller.Label);
        if (foreign > 0) Interlocked.Add(ref _isolationViolations, foreign);
    }

    private void Record(SiloSlot silo, string kind, TimeSpan started, bool succeeded, string detail) =>
        _outcomes.Enqueue(new RequestOutcome(silo.Name, kind, started, Now, succeeded, detail.Length > 300 ? detail[..300] : detail));

    private static HttpRequestMessage Request(HttpMethod method, SiloSlot silo, string path, LoadTenant tenant, object body)
    {
        var request = new HttpRequestMessage(method, new Uri(silo.Address, path)) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tenant.Key);
        return request;
    }
}
