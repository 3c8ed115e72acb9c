namespace Platform.Grains.Tasks;

/// <summary>
/// One task as Meilisearch shows it (docs/tasks.md#the-task-object). <see cref="Tenant"/> is the owner: null for operator tasks,
/// otherwise the tenant whose request created it; only the owner (and the operator) may see it.
/// <see cref="DetailsJson"/> is the type-specific <c>details</c> object as JSON.
/// </summary>
[GenerateSerializer, Immutable, Alias("platform.task.record.v1")]
public sealed record TaskRecord(
    [property: Id(0)] long Uid,
    [property: Id(1)] string? Tenant,
    [property: Id(2)] string? IndexUid,
    [property: Id(3)] string Type,
    [property: Id(4)] PlatformTaskStatus Status,
    [property: Id(5)] string? DetailsJson,
    [property: Id(6)] TaskError? Error,
    [property: Id(7)] DateTimeOffset EnqueuedAt,
    [property: Id(8)] DateTimeOffset? StartedAt,
    [property: Id(9)] DateTimeOffset? FinishedAt);
