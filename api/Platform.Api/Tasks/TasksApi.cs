using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Api.Auth;
using Platform.Api.Errors;
using Platform.Api.Json;
using Platform.Grains.Tasks;

namespace Platform.Api.Tasks;

/// <summary>
/// <c>GET /tasks</c> and <c>GET /tasks/{uid}</c> for the operator, who sees every task.
/// REVIEW: tenant keys with <c>tasks.get</c> (their own tasks only) arrive with the documents issue.
/// </summary>
public static class TasksApi
{
    private const int MaxScanned = 10_000;

    public static RouteGroupBuilder MapTasksApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/tasks").WithTags("Tasks").RequireMasterKey();
        group.MapGet("", ListTasks).WithName(nameof(ListTasks));
        group.MapGet("/{uid}", GetTask).WithName(nameof(GetTask));
        return group;
    }

    public static async Task<IResult> GetTask(string uid, IGrainFactory grains)
    {
        if (!long.TryParse(uid, NumberStyles.None, CultureInfo.InvariantCulture, out var taskUid))
        {
            throw new ApiError("invalid_task_uids",
                $"Invalid value in parameter `taskUid`: could not parse `{uid}` as a positive integer");
        }

        var task = await grains.GetGrain<ITaskGrain>(taskUid).Get()
            ?? throw new ApiError("task_not_found", $"Task `{taskUid}` not found.");
        return TypedResults.Json(TaskView.From(task), ApiJson.Options);
    }

    /// <summary>Newest first from <c>from</c>, filtered by <c>statuses</c>, <c>types</c>, <c>indexUids</c>, <c>uids</c>.</summary>
    public static async Task<IResult> ListTasks(HttpRequest request, IGrainFactory grains)
    {
        var query = TaskQuery.Read(request);
        var count = await grains.GetGrain<ITaskSequenceGrain>(0).Count();
        var results = new List<TaskView>(query.Limit);
        long? next = null;
        var total = 0L;
        var start = Math.Min(query.From ?? count - 1, count - 1);
        for (var uid = start; uid >= 0 && start - uid < MaxScanned; uid--)
        {
            var task = await grains.GetGrain<ITaskGrain>(uid).Get();
            if (task is null || !query.Matches(task)) continue;
            total++;
            if (results.Count < query.Limit) results.Add(TaskView.From(task));
            else next ??= task.Uid;
        }

        return TypedResults.Json(new TaskPageView(results, total, query.Limit, results.FirstOrDefault()?.Uid, next), ApiJson.Options);
    }
}
