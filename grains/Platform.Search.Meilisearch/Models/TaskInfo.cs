using System.Text.Json.Nodes;

namespace Platform.Search.Meilisearch;

/// <summary>A task object as returned by <c>GET /tasks/{uid}</c> (docs/tasks.md#the-task-object).</summary>
/// <param name="Uid">The task's uid.</param>
/// <param name="BatchUid">The batch that processed it, once batched.</param>
/// <param name="IndexUid">The index; null for global tasks.</param>
/// <param name="Status">One of <see cref="MeilisearchTaskStatus"/>.</param>
/// <param name="Type">Task type, e.g. <c>settingsUpdate</c>.</param>
/// <param name="CanceledBy">Uid of the cancelation task, if canceled.</param>
/// <param name="Details">Type-specific details, e.g. <c>{"receivedDocuments": 5, "indexedDocuments": 5}</c>.</param>
/// <param name="Error">Why it failed; null unless <c>failed</c>.</param>
/// <param name="Duration">ISO-8601 duration such as <c>PT0.5S</c>, once finished.</param>
/// <param name="EnqueuedAt">When it was enqueued.</param>
/// <param name="StartedAt">When processing started.</param>
/// <param name="FinishedAt">When it finished.</param>
internal sealed record TaskInfo(
    long Uid,
    long? BatchUid,
    string? IndexUid,
    string Status,
    string Type,
    long? CanceledBy,
    JsonObject? Details,
    MeilisearchError? Error,
    string? Duration,
    DateTimeOffset EnqueuedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt)
{
    /// <summary>True once the task is <c>succeeded</c>, <c>failed</c> or <c>canceled</c>.</summary>
    public bool IsTerminal => MeilisearchTaskStatus.IsTerminal(Status);
}
