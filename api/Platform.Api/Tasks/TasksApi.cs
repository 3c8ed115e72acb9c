using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Api.Auth;
using Platform.Api.Cors;
using Platform.Api.Errors;
using Platform.Api.Tenants;
using Platform.Grains.Tasks;
using Platform.Grains.Tenants;
using Platform.Search.Errors;

namespace Platform.Api.Tasks;

/// <summary>
/// <c>GET /tasks</c> and <c>GET /tasks/{uid}</c>: the operator sees every task; a tenant key with <c>tasks.get</c>
/// sees its own tenant's tasks only, and another tenant's task is "not found" to it.
/// </summary>
internal static class TasksApi
{
    private const int MaxScanned = 10_000;

    public static RouteGroupBuilder MapTasksApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/tasks").WithTags("Tasks")
            .RequireMeilisearchCors()
            .RequireMasterOrTenantKey(TenantActions.TasksGet)
            .ProducesErrors(ErrorResponses.Authenticated);
        group.MapGet("", ListTasks).WithName(nameof(ListTasks))
            .WithSummary("List tasks")
            .WithDescription("Newest first, filtered by `statuses`, `types`, `indexUids` and `uids`, paged with `limit` and `from`. A tenant key (`tasks.get`) sees its own tenant's tasks only.");
        group.MapGet("/{uid}", GetTask).WithName(nameof(GetTask))
            .WithSummary("Get a task")
            .WithDescription("One task by uid. Another tenant's task is `task_not_found` to a tenant key.");
        return group;
    }

    public static async Task<Ok<TaskView>> GetTask(string uid, IGrainFactory grains, OperatorOrTenantCaller caller)
    {
        var tenant = caller.TenantUid;
        if (!long.TryParse(uid, NumberStyles.None, CultureInfo.InvariantCulture, out var taskUid))
        {
            throw new ApiError(ErrorCodes.InvalidTaskUids,
                $"Invalid value in parameter `taskUid`: could not parse `{uid}` as a positive integer");
        }

        // A tenant's read goes through its grain, which also refuses tasks of a deleted tenant with the same uid.
        var task = tenant is null
            ? await grains.GetGrain<ITaskGrain>(taskUid).Get()
            : await grains.GetGrain<ITenantGrain>(tenant).GetTask(taskUid);
        if (task is null)
        {
            throw new ApiError(ErrorCodes.TaskNotFound, $"Task `{taskUid}` not found.");
        }

        return TypedResults.Ok(TaskView.From(task));
    }

    /// <summary>Newest first from <c>from</c>, filtered by <c>statuses</c>, <c>types</c>, <c>indexUids</c>, <c>uids</c>.</summary>
    public static async Task<Ok<TaskPageView>> ListTasks(HttpContext context, IGrainFactory grains, OperatorOrTenantCaller caller)
    {
        var tenant = caller.TenantUid;
        var query = TaskQuery.Read(context.Request);
        if (tenant is not null) return await ListTenantTasks(tenant, query, grains);

        var count = await grains.GetGrain<ITaskSequenceGrain>(0).Count();
        var results = new List<TaskView>(); // never sized by the client's limit (up to int.MaxValue)
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

        return TypedResults.Ok(new TaskPageView(results, total, query.Limit, results.FirstOrDefault()?.Uid, next));
    }

    private static async Task<Ok<TaskPageView>> ListTenantTasks(string tenant, TaskQuery query, IGrainFactory grains)
    {
        var uids = await grains.GetGrain<ITenantGrain>(tenant).ListTaskUids();
        var tasks = await Task.WhenAll(uids.Where(u => query.From is null || u <= query.From)
            .Select(u => grains.GetGrain<ITaskGrain>(u).Get()));
        var matching = tasks.OfType<TaskRecord>().Where(query.Matches).ToList();
        var results = matching.Take(query.Limit).Select(TaskView.From).ToList();
        long? next = matching.Count > query.Limit ? matching[query.Limit].Uid : null;
        return TypedResults.Ok(new TaskPageView(results, matching.Count, query.Limit, results.FirstOrDefault()?.Uid, next));
    }
}
