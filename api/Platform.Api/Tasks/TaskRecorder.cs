using System.Text.Json;
using Platform.Api.Json;
using Platform.Grains.Errors;
using Platform.Grains.Tasks;

namespace Platform.Api.Tasks;

/// <summary>
/// Runs an operation as a Meilisearch task: takes a uid, performs the work, and stores the finished record, failed
/// with the error's code and message when the operation raises a <see cref="PlatformException"/> (Meilisearch
/// reports e.g. <c>index_already_exists</c> on the task, not on the HTTP request).
/// Operator operations are fast catalog updates, so they run before the 202 answer; the record still goes
/// through enqueued → processing → finished timestamps so clients can wait on it the usual way.
/// </summary>
public sealed class TaskRecorder(IGrainFactory grains, TimeProvider time)
{
    public async Task<TaskRecord> RunAsync(string? owner, string? indexUid, string type, Func<Task<object?>> operation)
    {
        var uid = await grains.GetGrain<ITaskSequenceGrain>(0).Next();
        var enqueuedAt = time.GetUtcNow();
        object? details;
        TaskError? error = null;
        try
        {
            details = await operation();
        }
        catch (PlatformException e)
        {
            details = null;
            error = new TaskError(e.Code, e.Message);
        }

        var record = new TaskRecord(uid, owner, indexUid, type,
            error is null ? PlatformTaskStatus.Succeeded : PlatformTaskStatus.Failed,
            details is null ? null : JsonSerializer.Serialize(details, ApiJson.Options),
            error, enqueuedAt, enqueuedAt, time.GetUtcNow());
        await grains.GetGrain<ITaskGrain>(uid).Save(record);
        return record;
    }
}
