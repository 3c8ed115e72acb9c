using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Json;
using Platform.Grains.Tasks;

namespace Platform.Api.Tasks;

internal static class TaskResults
{
    /// <summary>202 with the summarized task. Like Meilisearch, the summary reports the task as enqueued.</summary>
    public static Accepted<SummarizedTaskView> Accepted(TaskRecord task) => TypedResults.Accepted((string?)null,
        new SummarizedTaskView(task.Uid, task.IndexUid, "enqueued", task.Type, Rfc3339.Format(task.EnqueuedAt)));
}
