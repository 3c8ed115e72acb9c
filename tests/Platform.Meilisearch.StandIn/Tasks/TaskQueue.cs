using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Platform.Api.Errors;
using Platform.Meilisearch.StandIn.Engine;
using Platform.Search.Engine;
using Platform.Search.Errors;

namespace Platform.Meilisearch.StandIn.Tasks;

/// <summary>
/// Meilisearch's task queue: every write is enqueued with the next uid (from 0) and answered 202 at once; one
/// background worker then processes the tasks strictly in uid order, as Meilisearch's scheduler does. A task's work
/// returns its final <c>details</c>; a <see cref="SearchEngineException"/> fails the task with that error.
/// </summary>
internal sealed partial class TaskQueue : IAsyncDisposable
{
    private readonly Channel<(StandInTask Task, Func<JsonObject?> Work)> _pending = Channel.CreateUnbounded<(StandInTask, Func<JsonObject?>)>(new() { SingleReader = true });
    private readonly ConcurrentDictionary<long, StandInTask> _tasks = new();
    private readonly Lock _enqueue = new();
    private readonly TimeProvider _time;
    private readonly ILogger<TaskQueue> _logger;
    private readonly Task _worker;
    private long _nextUid;

    public TaskQueue(TimeProvider time, ILogger<TaskQueue> logger)
    {
        _time = time;
        _logger = logger;
        _worker = Task.Run(ProcessAsync);
    }

    public StandInTask Enqueue(string? indexUid, string type, JsonObject? details, Func<JsonObject?> work)
    {
        // One lock for the uid and the channel write, so the processing order is the uid order.
        lock (_enqueue)
        {
            var task = new StandInTask(_nextUid++, indexUid, type, details, _time.GetUtcNow());
            _tasks[task.Uid] = task;
            _pending.Writer.TryWrite((task, work));
            return task;
        }
    }

    public StandInTask? Find(long uid) => _tasks.TryGetValue(uid, out var task) ? task : null;

    /// <summary>Every task, newest first.</summary>
    public IEnumerable<StandInTask> NewestFirst() => _tasks.Values.OrderByDescending(t => t.Uid);

    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await _worker;
    }

    private async Task ProcessAsync()
    {
        await foreach (var (task, work) in _pending.Reader.ReadAllAsync())
        {
            task.Start(_time.GetUtcNow());
            try
            {
                task.Succeed(work(), _time.GetUtcNow());
            }
            catch (SearchEngineException e)
            {
                task.Fail(ErrorView.From(e.Code, AttributeAliases.Message(e.Message)), FailedDetails(task), _time.GetUtcNow());
            }
            catch (Exception e)
            {
                LogTaskCrashed(_logger, task.Uid, e);
                task.Fail(ErrorView.From(ErrorCodes.Internal, e.Message), FailedDetails(task), _time.GetUtcNow());
            }
        }
    }

    // Meilisearch reports a failed write as having indexed or deleted nothing.
    private static JsonObject? FailedDetails(StandInTask task)
    {
        var details = task.ToJson()["details"] as JsonObject;
        if (details is null) return null;
        foreach (var counter in new[] { "indexedDocuments", "deletedDocuments" })
        {
            if (details.ContainsKey(counter)) details[counter] = 0;
        }

        return details;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Stand-in task {Uid} failed unexpectedly")]
    private static partial void LogTaskCrashed(ILogger logger, long uid, Exception exception);
}
