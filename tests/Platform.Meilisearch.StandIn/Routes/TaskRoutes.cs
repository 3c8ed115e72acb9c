using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Api.Errors;
using Platform.Meilisearch.StandIn.Auth;
using Platform.Meilisearch.StandIn.Tasks;
using Platform.Search.Errors;

namespace Platform.Meilisearch.StandIn.Routes;

/// <summary>
/// <c>GET /tasks/{uid}</c> and <c>GET /tasks</c> with the filters the platform's client sends (<c>statuses</c>,
/// <c>types</c>, <c>indexUids</c>, <c>uids</c>, <c>limit</c>, <c>from</c>). A caller only sees the tasks of the
/// indexes its key covers.
/// </summary>
internal static class TaskRoutes
{
    private static readonly string[] Parameters = ["statuses", "types", "indexUids", "uids", "limit", "from"];

    public static void MapTaskRoutes(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/tasks/{uid}", GetTask);
        routes.MapGet("/tasks", ListTasks);
    }

    public static IResult GetTask(string uid, HttpContext context, StandInAuthenticator auth, TaskQueue tasks)
    {
        var caller = auth.Authenticate(context, StandInActions.TasksGet, null);
        if (!long.TryParse(uid, NumberStyles.None, CultureInfo.InvariantCulture, out var taskUid))
        {
            throw new ApiError(ErrorCodes.InvalidTaskUids, $"Invalid value in parameter `taskUid`: could not parse `{uid}` as a positive integer");
        }

        var task = tasks.Find(taskUid);
        if (task is null || !Visible(caller, task))
        {
            throw new ApiError(ErrorCodes.TaskNotFound, $"Task `{taskUid}` not found.");
        }

        return TypedResults.Ok(task.ToJson());
    }

    public static IResult ListTasks(HttpContext context, StandInAuthenticator auth, TaskQueue tasks)
    {
        var caller = auth.Authenticate(context, StandInActions.TasksGet, null);
        var query = context.Request.Query;
        foreach (var key in query.Keys)
        {
            if (Array.IndexOf(Parameters, key) < 0)
            {
                throw ApiError.BadRequest($"Unknown parameter `{key}`: expected one of {string.Join(", ", Parameters.Select(p => $"`{p}`"))}");
            }
        }

        var statuses = List(query, "statuses");
        var types = List(query, "types");
        var indexUids = List(query, "indexUids");
        var uids = List(query, "uids")?.Select(u => Number(u, ErrorCodes.InvalidTaskUids, "uids")).ToHashSet();
        var limit = query["limit"] is { Count: > 0 } l ? (int)Math.Min(Number(l[0]!, ErrorCodes.InvalidTaskLimit, "limit"), int.MaxValue) : 20;
        long? from = query["from"] is { Count: > 0 } f ? Number(f[0]!, ErrorCodes.InvalidTaskFrom, "from") : null;

        var matching = tasks.NewestFirst().Where(t => Visible(caller, t)
            && (statuses is null || statuses.Contains(t.Status))
            && (types is null || types.Contains(t.Type))
            && (indexUids is null || (t.IndexUid is not null && indexUids.Contains(t.IndexUid)))
            && (uids is null || uids.Contains(t.Uid))).ToList();
        var page = matching.Where(t => from is null || t.Uid <= from).Take(limit + 1).ToList();
        return TypedResults.Ok(new JsonObject
        {
            ["results"] = new JsonArray([.. page.Take(limit).Select(t => (JsonNode)t.ToJson())]),
            ["total"] = matching.Count,
            ["limit"] = limit,
            ["from"] = page.Count > 0 ? page[0].Uid : null,
            ["next"] = page.Count > limit ? page[limit].Uid : null,
        });
    }

    private static bool Visible(StandInCaller caller, StandInTask task) =>
        task.IndexUid is null ? caller.SeesAllIndexes : caller.MayAccess(task.IndexUid);

    private static HashSet<string>? List(IQueryCollection query, string name)
    {
        if (query[name] is not { Count: > 0 } raw) return null;
        var items = raw[0]!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return items.Contains("*") ? null : [.. items];
    }

    private static long Number(string text, string code, string name) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ApiError(code, $"Invalid value in parameter `{name}`: could not parse `{text}` as a positive integer");
}
