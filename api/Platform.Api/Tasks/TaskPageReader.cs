using Platform.Grains.Tasks;

namespace Platform.Api.Tasks;

/// <summary>
/// Reads one page of <c>GET /tasks</c>: task ranges (highest prefix first) walked newest first from <c>from</c>,
/// filtered, with a bounded amount of work per call (docs/tasks.md#listing-tasks).
/// </summary>
internal sealed class TaskPageReader(IGrainFactory grains, TaskQuery query, string? owner)
{
    /// <summary>
    /// Task records (and owners' ranges) one call reads at most. It bounds a call's work whatever the filters; when
    /// it runs out, <c>next</c> says where to continue. Equal to the default retention, so one call can read a
    /// tenant's whole history.
    /// </summary>
    internal const int MaxScanned = 10_000;

    /// <summary>Task records read at once.</summary>
    private const int ReadBatch = 64;

    private readonly List<TaskView> _results = []; // never sized by the client's limit (up to int.MaxValue)
    private long? _next;
    private long _total;
    private int _scanned;

    /// <summary>
    /// Fills the page: the first <c>limit</c> matches, <c>next</c> = the next match (or, when the budget ran out,
    /// where reading stopped), <c>total</c> = matches among the tasks read.
    /// </summary>
    public async Task<TaskPageView> ReadAsync(IAsyncEnumerable<TaskRange> ranges)
    {
        var from = query.From ?? long.MaxValue;
        await foreach (var range in ranges)
        {
            if (++_scanned > MaxScanned)
            {
                _next ??= Math.Min(from, TaskUids.Compose(range.Prefix + 1, 0) - 1);
                break;
            }

            if (range.Newest is not { } newest) continue;
            if (!await ReadRange(Math.Min(from, newest), range.OldestUid)) break;
        }

        return new TaskPageView(_results, _total, query.Limit, _results.FirstOrDefault()?.Uid, _next);
    }

    /// <summary>Reads uids <paramref name="top"/> down to <paramref name="bottom"/>; false when the budget ran out.</summary>
    private async Task<bool> ReadRange(long top, long bottom)
    {
        for (var uid = top; uid >= bottom;)
        {
            if (_scanned >= MaxScanned)
            {
                _next ??= uid;
                return false;
            }

            var count = (int)Math.Min(Math.Min(ReadBatch, MaxScanned - _scanned), uid - bottom + 1);
            var first = uid;
            var batch = await Task.WhenAll(Enumerable.Range(0, count).Select(i => grains.GetGrain<ITaskGrain>(first - i).Get()));
            _scanned += count;
            uid -= count;
            foreach (var task in batch) Consider(task);
        }

        return true;
    }

    private void Consider(TaskRecord? task)
    {
        if (task is null || (owner is not null && task.Tenant != owner) || !query.Matches(task)) return;
        _total++;
        if (_results.Count < query.Limit) _results.Add(TaskView.From(task));
        else _next ??= task.Uid;
    }
}
