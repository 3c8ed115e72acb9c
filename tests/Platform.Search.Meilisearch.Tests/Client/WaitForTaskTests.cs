using Platform.Search.Meilisearch.Tests.Infrastructure;

namespace Platform.Search.Meilisearch.Tests.Client;

/// <summary>
/// <c>WaitForTaskAsync</c> over real HTTP with fake time: every delay is a <see cref="RecordingTimeProvider"/> timer
/// that the test fires by advancing the clock, so nothing sleeps.
/// </summary>
public sealed class WaitForTaskTests : IAsyncLifetime
{
    private static readonly AdminCredential Admin = new("admin");

    private readonly RecordingTimeProvider _time = new();
    private RecordingMeilisearch _server = null!;
    private HttpClient _http = null!;
    private MeilisearchClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await RecordingMeilisearch.StartAsync();

        // A plain HttpClient: the pipeline's own timers are not what these tests drive.
        _http = new HttpClient { BaseAddress = _server.BaseAddress };
        _client = new MeilisearchClient(_http, Microsoft.Extensions.Options.Options.Create(new MeilisearchOptions { Url = _server.BaseAddress.ToString(), ApiKey = "admin" }), _time);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Polls_with_capped_exponential_backoff_until_succeeded()
    {
        _server.Enqueue(
            ScriptedResponse.Ok(MeilisearchExamples.Task(147, "enqueued")),
            ScriptedResponse.Ok(MeilisearchExamples.Task(147, "processing")),
            ScriptedResponse.Ok(MeilisearchExamples.Task(147, "processing")),
            ScriptedResponse.Ok(MeilisearchExamples.Task(147, "processing")),
            ScriptedResponse.Ok(MeilisearchExamples.SucceededTask));
        var options = new TaskWaitOptions { InitialDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromMilliseconds(300) };

        var waiting = _client.WaitForTaskAsync(Admin, 147, options);
        for (var i = 0; i < 4; i++)
        {
            _time.Advance(await _time.NextTimerAsync());
        }

        var task = await waiting;

        Assert.Equal(MeilisearchTaskStatus.Succeeded, task.Status);
        Assert.Equal(
            [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(300)],
            _time.DueTimes);
        Assert.Equal(5, _server.Requests.Count);
        Assert.All(_server.Requests, r =>
        {
            Assert.Equal("GET", r.Method);
            Assert.Equal("/tasks/147", r.Path);
            Assert.Equal("Bearer admin", r.Authorization);
        });
    }

    [Fact]
    public async Task A_task_already_finished_returns_without_any_delay()
    {
        _server.Enqueue(ScriptedResponse.Ok(MeilisearchExamples.SucceededTask));

        var task = await _client.WaitForTaskAsync(Admin, 147);

        Assert.True(task.IsTerminal);
        Assert.Empty(_time.DueTimes);
    }

    [Fact]
    public async Task A_failed_task_is_returned_with_its_error()
    {
        _server.Enqueue(ScriptedResponse.Ok(MeilisearchExamples.Task(148, "processing")), ScriptedResponse.Ok(MeilisearchExamples.FailedTask));

        var waiting = _client.WaitForTaskAsync(Admin, 148);
        _time.Advance(await _time.NextTimerAsync());
        var task = await waiting;

        Assert.Equal(MeilisearchTaskStatus.Failed, task.Status);
        Assert.Equal("invalid_settings_filterable_attributes", task.Error!.Code);
        Assert.Equal([TimeSpan.FromMilliseconds(50)], _time.DueTimes);
    }

    [Fact]
    public async Task Gives_up_with_a_timeout_measured_in_fake_time()
    {
        _server.Enqueue(Enumerable.Range(0, 3).Select(_ => ScriptedResponse.Ok(MeilisearchExamples.Task(147, "processing"))).ToArray());
        var options = new TaskWaitOptions { InitialDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1), Timeout = TimeSpan.FromMilliseconds(350) };

        var waiting = _client.WaitForTaskAsync(Admin, 147, options);
        _time.Advance(await _time.NextTimerAsync()); // 100 ms
        _time.Advance(await _time.NextTimerAsync()); // 200 ms: now 300 ms; the next 400 ms would pass 350 ms

        var e = await Assert.ThrowsAsync<TimeoutException>(() => waiting);
        Assert.Contains("147", e.Message, StringComparison.Ordinal);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task Cancellation_stops_the_wait()
    {
        _server.Enqueue(ScriptedResponse.Ok(MeilisearchExamples.Task(147, "processing")));
        using var cancel = new CancellationTokenSource();

        var waiting = _client.WaitForTaskAsync(Admin, 147, cancellationToken: cancel.Token);
        await _time.NextTimerAsync();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Theory]
    [InlineData(0, 50)]
    [InlineData(1, 100)]
    [InlineData(4, 800)]
    [InlineData(5, 1000)]
    [InlineData(1000, 1000)]
    public void Default_backoff_doubles_from_50ms_and_caps_at_1s(int poll, int expectedMs) =>
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), TaskWaitOptions.Default.DelayAfter(poll));
}
