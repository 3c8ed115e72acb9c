using System.Diagnostics;
using Platform.Search.Meilisearch.Tests.Infrastructure;

namespace Platform.Search.Meilisearch.Tests.Http;

public sealed class CircuitTests : IAsyncLifetime
{
    private static readonly AdminCredential Admin = new("admin");

    private RecordingMeilisearch _server = null!;

    public async Task InitializeAsync() => _server = await RecordingMeilisearch.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Stopped_endpoint_is_unavailable_then_calls_succeed_again_once_it_is_back()
    {
        using var client = TestClient.For(_server.BaseAddress, o =>
        {
            o.Resilience.CircuitMinimumThroughput = 2;
            o.Resilience.CircuitFailureRatio = 0.5;
            o.Resilience.CircuitSamplingDuration = TimeSpan.FromSeconds(10);
            o.Resilience.CircuitBreakDuration = TimeSpan.FromMilliseconds(500);
        });
        _server.Enqueue(ScriptedResponse.Ok(MeilisearchExamples.SucceededTask));
        await client.Client.GetTaskAsync(Admin, 147);

        await _server.StopAsync();

        // Connection refused on the first attempts; after two failures the breaker opens and the retry stops.
        var refused = await Assert.ThrowsAsync<MeilisearchUnavailableException>(() => client.Client.GetTaskAsync(Admin, 147));
        Assert.Equal(MeilisearchUnavailableReason.CircuitOpen, refused.Reason);
        var open = await Assert.ThrowsAsync<MeilisearchUnavailableException>(() => client.Client.GetTaskAsync(Admin, 147));
        Assert.Equal(MeilisearchUnavailableReason.CircuitOpen, open.Reason);

        await _server.RestartAsync();
        _server.Reset();
        for (var i = 0; i < 20; i++)
        {
            _server.Enqueue(ScriptedResponse.Ok(MeilisearchExamples.SucceededTask));
        }

        // The breaker lets a probe through after its break (500 ms of real time): poll until it closes.
        var clock = Stopwatch.StartNew();
        TaskInfo? task = null;
        while (task is null && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            try
            {
                task = await client.Client.GetTaskAsync(Admin, 147);
            }
            catch (MeilisearchUnavailableException e) when (e.Reason == MeilisearchUnavailableReason.CircuitOpen)
            {
                await Task.Delay(100);
            }
        }

        Assert.NotNull(task);
        Assert.Equal(147, (await client.Client.GetTaskAsync(Admin, 147)).Uid);
    }

    [Fact]
    public async Task Connection_refused_without_a_breaker_trip_is_a_transport_failure()
    {
        using var client = TestClient.For(_server.BaseAddress, o => o.Resilience.MaxRetryAttempts = 0);
        await _server.StopAsync();

        var e = await Assert.ThrowsAsync<MeilisearchUnavailableException>(() => client.Client.GetHealthAsync());

        Assert.Equal(MeilisearchUnavailableReason.Transport, e.Reason);
        Assert.IsType<HttpRequestException>(e.InnerException);
        Assert.Null(e.StatusCode);
    }
}
