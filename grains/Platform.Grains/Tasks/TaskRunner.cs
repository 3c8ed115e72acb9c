using Microsoft.Extensions.Options;
using System.Text.Json;
using Platform.Grains.Errors;
using Platform.Search.Engine;

namespace Platform.Grains.Tasks;

/// <summary>
/// Runs an operation as a Meilisearch task: takes a uid, performs the work, and stores the finished record. A
/// failure the client caused (<see cref="PlatformException"/>, <see cref="SearchEngineException"/> with a 4xx
/// status) fails the task with its code and message, as Meilisearch reports e.g. <c>index_already_exists</c> or
/// <c>invalid_document_id</c> on the task rather than on the HTTP request. Anything else propagates.
/// </summary>
/// <remarks>
/// Work runs before the 202 answer: when a client sees the task it is already finished and durable. Clients wait
/// on tasks the usual way; they simply never find one still enqueued (docs/tasks.md).
/// </remarks>
internal sealed class TaskRunner(IGrainFactory grains, TimeProvider time, IOptions<TaskOptions> options)
{
    /// <summary>Tasks each tenant (and the operator) keeps (<see cref="TaskOptions.MaxRetained"/>).</summary>
    public int MaxRetained => options.Value.MaxRetained;

    private static readonly JsonSerializerOptions DetailsJson = new(JsonSerializerDefaults.Web);

    /// <summary>Runs an operator task, numbered by the operator's sequence (prefix 0).</summary>
    public async Task<TaskRecord> RunAsync(string? owner, string? indexUid, string type, Func<Task<object?>> operation,
        Func<TaskError, object?>? failureDetails = null) =>
        await RunAsync(await grains.GetGrain<ITaskSequenceGrain>(0).Next(), owner, indexUid, type, operation, failureDetails);

    /// <summary>Runs a task under a uid the caller took (a tenant numbers its own tasks).</summary>
    public async Task<TaskRecord> RunAsync(long uid, string? owner, string? indexUid, string type, Func<Task<object?>> operation,
        Func<TaskError, object?>? failureDetails = null)
    {
        var enqueuedAt = time.GetUtcNow();
        object? details;
        TaskError? error = null;
        try
        {
            details = await operation();
        }
        catch (PlatformException e)
        {
            error = new TaskError(e.Code, e.Message);
            details = failureDetails?.Invoke(error);
        }
        catch (SearchEngineException e) when (e.HttpStatus is >= 400 and < 500)
        {
            error = new TaskError(e.Code, e.Message);
            details = failureDetails?.Invoke(error);
        }

        var record = new TaskRecord(uid, owner, indexUid, type,
            error is null ? PlatformTaskStatus.Succeeded : PlatformTaskStatus.Failed,
            details is null ? null : JsonSerializer.Serialize(details, DetailsJson),
            error, enqueuedAt, enqueuedAt, time.GetUtcNow());
        await grains.GetGrain<ITaskGrain>(uid).Save(record);
        return record;
    }
}
