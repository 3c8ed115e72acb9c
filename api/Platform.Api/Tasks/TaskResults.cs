using Microsoft.AspNetCore.Http;
using Platform.Api.Json;
using Platform.Grains.Tasks;

namespace Platform.Api.Tasks;

internal static class TaskResults
{
    /// <summary>202 with the summarized task. Like Meilisearch, the summary reports the task as enqueued.</summary>
    public static IResult Accepted(TaskRecord task) => TypedResults.Json(
        new SummarizedTaskView(task.Uid, task.IndexUid, "enqueued", task.Type, Rfc3339.Format(task.EnqueuedAt)),
        ApiJson.Options, statusCode: StatusCodes.Status202Accepted);
}
