using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Search.Engine;

namespace Platform.Search.Meilisearch.Engine;

/// <summary>
/// The engine's calls to Meilisearch. Each takes a client from the factory (whose handlers rotate, so none is held),
/// turns what can go wrong into <see cref="SearchEngineException"/>s that speak of the logical index, and, for a
/// write, waits for its task so the change is visible when the call returns.
/// </summary>
internal sealed class AdminCalls(Func<MeilisearchClient> clients, AdminCredential admin, TaskWaitOptions taskWait)
{
    /// <summary>A client for one call.</summary>
    public MeilisearchClient NewClient() => clients();

    /// <summary>Runs one admin-key call.</summary>
    public Task<T> Call<T>(Func<MeilisearchClient, AdminCredential, Task<T>> call, EngineErrors.Target? target) =>
        Run(client => call(client, admin), target);

    /// <summary>Runs one client call, translating what can go wrong into <see cref="SearchEngineException"/>s.</summary>
    public async Task<T> Run<T>(Func<MeilisearchClient, Task<T>> call, EngineErrors.Target? target)
    {
        try
        {
            return await call(clients());
        }
        catch (Exception e) when (EngineErrors.Translate(e, target) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>The finished task, whatever its outcome.</summary>
    public Task<TaskInfo> OutcomeAsync(EnqueuedTask enqueued, EngineErrors.Target? target, CancellationToken cancellationToken) =>
        Call((c, key) => c.WaitForTaskAsync(key, enqueued.TaskUid, taskWait, cancellationToken), target);

    /// <summary>The finished task; a failed one becomes its engine error.</summary>
    public async Task<TaskInfo> WaitAsync(EnqueuedTask enqueued, EngineErrors.Target? target, CancellationToken cancellationToken)
    {
        var task = await OutcomeAsync(enqueued, target, cancellationToken);
        return task.Status == MeilisearchTaskStatus.Succeeded ? task : throw EngineErrors.FromTask(task, target);
    }

    /// <summary>A count from a task's details (<c>indexedDocuments</c>, <c>deletedDocuments</c>…), or the fallback.</summary>
    public static int Detail(TaskInfo task, string name, int fallback) =>
        task.Details?[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? (int)v.GetValue<long>() : fallback;
}
