using System.Globalization;
using System.Text.Json;
using Platform.Api.Errors;
using Platform.Api.Json;
using Platform.Grains.Tasks;

namespace Platform.Api.Tasks;

/// <summary>The 202 answer of a write: Meilisearch's summarized task.</summary>
internal sealed record SummarizedTaskView(long TaskUid, string? IndexUid, string Status, string Type, string EnqueuedAt);

/// <summary>Meilisearch's task object (docs/tasks.md#the-task-object), in its field order.</summary>
internal sealed record TaskView(
    long Uid,
    long? BatchUid,
    string? IndexUid,
    string Status,
    string Type,
    long? CanceledBy,
    JsonElement? Details,
    ErrorView? Error,
    string? Duration,
    string EnqueuedAt,
    string? StartedAt,
    string? FinishedAt)
{
    public static TaskView From(TaskRecord task) => new(
        task.Uid,
        task.Uid,
        task.IndexUid,
        TaskNames.Status(task.Status),
        task.Type,
        null,
        ApiJson.Parse(task.DetailsJson),
        task.Error is { } e ? ErrorView.From(e.Code, e.Message) : null,
        task is { StartedAt: { } s, FinishedAt: { } f } ? IsoDuration(f - s) : null,
        Rfc3339.Format(task.EnqueuedAt),
        Rfc3339.Format(task.StartedAt),
        Rfc3339.Format(task.FinishedAt));

    private static string IsoDuration(TimeSpan span) =>
        "PT" + span.TotalSeconds.ToString("0.#########", CultureInfo.InvariantCulture) + "S";
}

/// <summary>A page of tasks: <c>{results, total, limit, from, next}</c>.</summary>
internal sealed record TaskPageView(IReadOnlyList<TaskView> Results, long Total, int Limit, long? From, long? Next);

internal static class TaskNames
{
    public static string Status(PlatformTaskStatus status) => status switch
    {
        PlatformTaskStatus.Enqueued => "enqueued",
        PlatformTaskStatus.Processing => "processing",
        PlatformTaskStatus.Succeeded => "succeeded",
        PlatformTaskStatus.Failed => "failed",
        _ => "canceled",
    };
}
