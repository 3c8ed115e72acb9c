namespace Platform.Search.Meilisearch;

/// <summary>
/// The "summarized task" of a 202 answer to a write (docs/api-reference.md#documents). Note <c>taskUid</c>, not <c>uid</c>.
/// Wait for it with <see cref="MeilisearchClient.WaitForTaskAsync"/>.
/// </summary>
/// <param name="TaskUid">The task's uid.</param>
/// <param name="IndexUid">The index the task works on; null for global tasks.</param>
/// <param name="Status">Normally <c>enqueued</c>.</param>
/// <param name="Type">Task type, e.g. <c>documentAdditionOrUpdate</c>.</param>
/// <param name="EnqueuedAt">When Meilisearch enqueued it.</param>
internal sealed record EnqueuedTask(long TaskUid, string? IndexUid, string Status, string Type, DateTimeOffset EnqueuedAt);
