using Microsoft.Extensions.Time.Testing;

namespace Platform.Search.Meilisearch.Tests.Infrastructure;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that reports each timer it creates, so a test can wait until the code under test
/// is really sleeping before it advances time (advancing earlier would be lost), and can assert the delays asked for.
/// </summary>
internal sealed class RecordingTimeProvider : FakeTimeProvider
{
    private readonly SemaphoreSlim _timerCreated = new(0);
    private readonly List<TimeSpan> _dueTimes = [];

    public IReadOnlyList<TimeSpan> DueTimes
    {
        get
        {
            lock (_dueTimes)
            {
                return [.. _dueTimes];
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        lock (_dueTimes)
        {
            _dueTimes.Add(dueTime);
        }

        _timerCreated.Release();
        return timer;
    }

    /// <summary>Waits (bounded, so a broken test fails instead of hanging) until the next timer is created.</summary>
    public async Task<TimeSpan> NextTimerAsync()
    {
        Assert.True(await _timerCreated.WaitAsync(TimeSpan.FromSeconds(10)), "no timer was created");
        lock (_dueTimes)
        {
            return _dueTimes[^1];
        }
    }
}
