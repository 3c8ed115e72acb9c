using System.Diagnostics;
using CsCheck;
using Platform.Fuzz.Tests.Generators;
using Platform.Fuzz.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Platform.Fuzz.Tests;

/// <summary>
/// Generated requests over every route, query string and header, against the real host with two tenants sharing
/// an index (docs/security.md#fuzzing). A few thousand inputs in CI; <c>FUZZ_INPUTS</c> selects a long run.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class RequestFuzzTests(FuzzPlatform platform, ITestOutputHelper output)
{
    /// <summary>Retained memory may grow with what the inputs legitimately store (documents, keys), never without bound.</summary>
    private const long MaxRetainedGrowthBytes = 1024L * 1024 * 1024;

    [Fact]
    public async Task Generated_requests_get_no_5xx_no_hang_and_errors_in_Meilisearch_shape()
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 })
        {
            BaseAddress = platform.Server.Address,
            Timeout = FuzzSettings.RequestTimeout,
        };
        var checker = new ResponseChecker(http, FuzzSettings.Threads);
        var retainedBefore = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var clock = Stopwatch.StartNew();

        await FuzzRequests.For(platform.Credentials).SampleAsync(
            checker.CheckAsync, iter: FuzzSettings.Inputs, threads: FuzzSettings.Threads, seed: FuzzSettings.Seed,
            print: request => request.ToString(), writeLine: output.WriteLine);

        clock.Stop();
        var allocatedPerInput = (GC.GetTotalAllocatedBytes() - allocatedBefore) / Math.Max(1, checker.Statuses.Values.Sum());
        var retainedGrowth = GC.GetTotalMemory(forceFullCollection: true) - retainedBefore;
        var sent = checker.Statuses.Values.Sum();
        output.WriteLine($"{FuzzSettings.Inputs:N0} inputs ({sent:N0} sent) in {clock.Elapsed}, {FuzzSettings.Inputs / clock.Elapsed.TotalSeconds:N0} inputs/s, "
            + $"retained growth {retainedGrowth / (1024 * 1024)} MiB, {allocatedPerInput / 1024:N0} KiB allocated per input sent");
        output.WriteLine("statuses: " + string.Join(", ", checker.Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value:N0}")));
        Assert.True(allocatedPerInput < FuzzSettings.MaxAllocatedBytesPerRequest, $"{allocatedPerInput:N0} bytes allocated per input");
        Assert.True(retainedGrowth < MaxRetainedGrowthBytes, $"retained memory grew by {retainedGrowth:N0} bytes");
        Assert.Contains(checker.Statuses.Keys, status => status is >= 200 and < 300);
    }
}
