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
    public static RouteGroupBuilder MapTasksApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/tasks").WithTags("Tasks")
            .RequireMeilisearchCors()
            .RequireMasterOrTenantKey(TenantActions.TasksGet)
            .ProducesErrors(ErrorResponses.Authenticated);
        group.MapGet("", ListTasks).WithName(nameof(ListTasks))
            .WithSummary("List tasks")
            .WithDescription("Newest first (descending uid), filtered by `statuses`, `types`, `indexUids` and `uids`, paged with `limit`, `from` and `next`; one call reads at most 10,000 tasks. A tenant key (`tasks.get`) sees its own tenant's tasks only.");
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

        // A tenant's read goes through its grain, which answers only uids of its own prefix.
        var task = tenant is null
            ? await grains.GetGrain<ITaskGrain>(taskUid).Get()
            : await grains.GetGrain<ITenantGrain>(tenant).GetTask(taskUid);
        if (task is null)
        {
            throw new ApiError(ErrorCodes.TaskNotFound, $"Task `{taskUid}` not found.");
        }

        return TypedResults.Ok(TaskView.From(task));
    }

    /// <summary>
    /// Newest first from <c>from</c>, filtered by <c>statuses</c>, <c>types</c>, <c>indexUids</c>, <c>uids</c>: the caller's
    /// own range for a tenant, every tenant's and the operator's for the master key (docs/tasks.md#listing-tasks).
    /// </summary>
    public static async Task<Ok<TaskPageView>> ListTasks(HttpContext context, IGrainFactory grains, OperatorOrTenantCaller caller)
    {
        var tenant = caller.TenantUid;
        var query = TaskQuery.Read(context.Request);
        var ranges = tenant is null ? TaskRanges.Operator(grains, query.From) : TaskRanges.Tenant(grains, tenant);
        return TypedResults.Ok(await new TaskPageReader(grains, query, tenant).ReadAsync(ranges));
    }
}
