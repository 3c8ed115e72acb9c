using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Api.Errors;
using Platform.Api.Indexes;
using Platform.Api.Json;
using Platform.Meilisearch.StandIn.Auth;
using Platform.Meilisearch.StandIn.Engine;
using Platform.Meilisearch.StandIn.Tasks;
using Platform.Search.Errors;

namespace Platform.Meilisearch.StandIn.Routes;

/// <summary>Meilisearch's <c>/indexes</c> routes: create, list, get, update the primary key, delete.</summary>
internal static class IndexRoutes
{
    public static void MapIndexRoutes(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/indexes", CreateIndex);
        routes.MapGet("/indexes", ListIndexes);
        routes.MapGet("/indexes/{uid}", GetIndex);
        routes.MapPatch("/indexes/{uid}", UpdateIndex);
        routes.MapDelete("/indexes/{uid}", DeleteIndex);
    }

    public static async Task<IResult> CreateIndex(HttpContext context, StandInAuthenticator auth, StandInIndexes indexes, TaskQueue tasks)
    {
        var caller = auth.Authenticate(context, StandInActions.IndexesCreate, null);
        var body = (await JsonBody.ReadObjectAsync(context.Request, "index")).AllowOnly("uid", "primaryKey");
        if (!body.Body.TryGetProperty("uid", out var uidValue))
        {
            throw new ApiError(ErrorCodes.MissingIndexUid, "Missing field `uid`");
        }

        if (uidValue.ValueKind != JsonValueKind.String)
        {
            throw new ApiError(ErrorCodes.InvalidIndexUid, $"Invalid value type at `.uid`: expected a string, but found {JsonDescriptions.Kind(uidValue)}: `{JsonDescriptions.Compact(uidValue)}`");
        }

        var uid = IndexUid.FromRoute(uidValue.GetString()!);
        if (!caller.MayAccess(uid)) throw ApiError.InvalidApiKey();
        var primaryKey = PrimaryKey(body);
        var task = tasks.Enqueue(uid, "indexCreation", new JsonObject { ["primaryKey"] = primaryKey }, () =>
        {
            indexes.Create(uid, primaryKey);
            return null;
        });
        return Accepted(task);
    }

    public static IResult ListIndexes(HttpContext context, StandInAuthenticator auth, StandInIndexes indexes)
    {
        var caller = auth.Authenticate(context, StandInActions.IndexesGet, null);
        var page = PageQuery.Read(context.Request, "index");
        var visible = indexes.List().Where(i => caller.MayAccess(i.Uid)).ToList();
        return TypedResults.Ok(new JsonObject
        {
            ["results"] = new JsonArray([.. visible.Skip(page.Offset).Take(page.Limit).Select(i => (JsonNode)View(i))]),
            ["offset"] = page.Offset,
            ["limit"] = page.Limit,
            ["total"] = visible.Count,
        });
    }

    public static IResult GetIndex(string uid, HttpContext context, StandInAuthenticator auth, StandInIndexes indexes)
    {
        auth.Authenticate(context, StandInActions.IndexesGet, IndexUid.FromRoute(uid));
        return TypedResults.Ok(View(indexes.Get(uid)));
    }

    public static async Task<IResult> UpdateIndex(string uid, HttpContext context, StandInAuthenticator auth, StandInIndexes indexes, TaskQueue tasks)
    {
        auth.Authenticate(context, StandInActions.IndexesUpdate, IndexUid.FromRoute(uid));
        var body = (await JsonBody.ReadObjectAsync(context.Request, "index")).AllowOnly("primaryKey");
        var primaryKey = PrimaryKey(body);
        var task = tasks.Enqueue(uid, "indexUpdate", new JsonObject { ["primaryKey"] = primaryKey }, () =>
        {
            if (primaryKey is not null) indexes.UpdatePrimaryKey(uid, primaryKey);
            else indexes.Get(uid);
            return null;
        });
        return Accepted(task);
    }

    public static IResult DeleteIndex(string uid, HttpContext context, StandInAuthenticator auth, StandInIndexes indexes, TaskQueue tasks)
    {
        auth.Authenticate(context, StandInActions.IndexesDelete, IndexUid.FromRoute(uid));
        var task = tasks.Enqueue(uid, "indexDeletion", new JsonObject { ["deletedDocuments"] = 0 }, () =>
            new JsonObject { ["deletedDocuments"] = indexes.Delete(uid) });
        return Accepted(task);
    }

    /// <summary>A 202 with the summarized task, Meilisearch's answer to every write.</summary>
    public static IResult Accepted(StandInTask task) => TypedResults.Json(task.Summary(), statusCode: StatusCodes.Status202Accepted);

    public static JsonObject View(StandInIndexes.IndexView index) => new()
    {
        ["uid"] = index.Uid,
        ["createdAt"] = Rfc3339.Format(index.CreatedAt),
        ["updatedAt"] = Rfc3339.Format(index.UpdatedAt),
        ["primaryKey"] = index.PrimaryKey,
    };

    private static string? PrimaryKey(JsonObjectReader body)
    {
        if (!body.Body.TryGetProperty("primaryKey", out var value) || value.ValueKind == JsonValueKind.Null) return null;
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new ApiError(ErrorCodes.InvalidIndexPrimaryKey, $"Invalid value type at `.primaryKey`: expected a string, but found {JsonDescriptions.Kind(value)}: `{JsonDescriptions.Compact(value)}`");
    }
}
