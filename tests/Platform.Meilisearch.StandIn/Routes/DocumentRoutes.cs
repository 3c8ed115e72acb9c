using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Api.Documents;
using Platform.Api.Errors;
using Platform.Api.Indexes;
using Platform.Api.Json;
using Platform.Meilisearch.StandIn.Auth;
using Platform.Meilisearch.StandIn.Engine;
using Platform.Meilisearch.StandIn.Tasks;
using Platform.Search.Engine;
using Platform.Search.Errors;
using Platform.Search.Filters;

namespace Platform.Meilisearch.StandIn.Routes;

/// <summary>Meilisearch's <c>/indexes/{uid}/documents</c> routes: writes are tasks, reads answer at once.</summary>
internal static class DocumentRoutes
{
    private const string Deletion = "documentDeletion";

    public static void MapDocumentRoutes(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/indexes/{uid}/documents");
        group.MapPost("", (string uid, HttpContext c, StandInAuthenticator a, StandInIndexes i, TaskQueue t) => Write(uid, c, a, i, t, DocumentWriteMode.AddOrReplace));
        group.MapPut("", (string uid, HttpContext c, StandInAuthenticator a, StandInIndexes i, TaskQueue t) => Write(uid, c, a, i, t, DocumentWriteMode.AddOrUpdate));
        group.MapGet("", GetDocuments);
        group.MapPost("/fetch", FetchDocuments);
        group.MapGet("/{id}", GetDocument);
        group.MapDelete("/{id}", DeleteDocument);
        group.MapPost("/delete-batch", DeleteBatch);
        group.MapPost("/delete", DeleteByFilter);
        group.MapDelete("", DeleteAll);
    }

    public static async Task<IResult> Write(string uid, HttpContext context, StandInAuthenticator auth, StandInIndexes indexes, TaskQueue tasks, DocumentWriteMode mode)
    {
        var caller = auth.Authenticate(context, StandInActions.DocumentsAdd, IndexUid.FromRoute(uid));
        foreach (var key in context.Request.Query.Keys)
        {
            if (key is not ("primaryKey" or "csvDelimiter")) throw ApiError.BadRequest($"Unknown parameter `{key}`: expected one of `primaryKey`, `csvDelimiter`");
        }

        var primaryKey = context.Request.Query["primaryKey"] is { Count: > 0 } pk ? pk[0] : null;
        var documents = await DocumentPayload.ReadAsync(context.Request);
        var mayCreate = caller.Key is null || caller.Key.Grants(StandInActions.IndexesCreate);
        var details = new JsonObject { ["receivedDocuments"] = documents.Count, ["indexedDocuments"] = null };
        return IndexRoutes.Accepted(tasks.Enqueue(uid, "documentAdditionOrUpdate", details, () =>
        {
            var result = indexes.AddDocuments(uid, documents, mode, primaryKey, mayCreate);
            return new JsonObject { ["receivedDocuments"] = result.ReceivedDocuments, ["indexedDocuments"] = result.IndexedDocuments };
        }));
    }

    public static IResult GetDocuments(string uid, HttpContext context, StandInAuthenticator auth, StandInIndexes indexes)
    {
        auth.Authenticate(context, StandInActions.DocumentsGet, IndexUid.FromRoute(uid));
        return TypedResults.Ok(indexes.GetDocuments(uid, DocumentQueries.FromQueryString(context.Request)));
    }

    public static async Task<IResult> FetchDocuments(string uid, HttpContext context, StandInAuthenticator auth, StandInIndexes indexes)
    {
        auth.Authenticate(context, StandInActions.DocumentsGet, IndexUid.FromRoute(uid));
        var query = DocumentQueries.FromBody(await JsonBody.ReadObjectAsync(context.Request, "document"));
        return TypedResults.Ok(indexes.GetDocuments(uid, query));
    }

    public static IResult GetDocument(string uid, string id, HttpContext context, StandInAuthenticator auth, StandInIndexes indexes)
    {
        auth.Authenticate(context, StandInActions.DocumentsGet, IndexUid.FromRoute(uid));
        var fields = context.Request.Query["fields"] is { Count: > 0 } raw
            ? raw[0]!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : null;
        return TypedResults.Ok(indexes.GetDocument(uid, id, fields));
    }

    public static IResult DeleteDocument(string uid, string id, HttpContext context, StandInAuthenticator auth, StandInIndexes indexes, TaskQueue tasks)
    {
        auth.Authenticate(context, StandInActions.DocumentsDelete, IndexUid.FromRoute(uid));
        return IndexRoutes.Accepted(tasks.Enqueue(uid, Deletion, Deleted(1, null), () => Deleted(1, indexes.DeleteDocuments(uid, [id]).DeletedDocuments)));
    }

    public static async Task<IResult> DeleteBatch(string uid, HttpContext context, StandInAuthenticator auth, StandInIndexes indexes, TaskQueue tasks)
    {
        auth.Authenticate(context, StandInActions.DocumentsDelete, IndexUid.FromRoute(uid));
        var body = await JsonBody.ReadAsync(context.Request);
        if (body.ValueKind != JsonValueKind.Array)
        {
            throw new ApiError(ErrorCodes.InvalidDocumentIds,
                $"Invalid value type: expected an array, but found {JsonDescriptions.Kind(body)}: `{JsonDescriptions.Compact(body)}`");
        }

        var ids = body.EnumerateArray().Select((id, i) => id.ValueKind switch
        {
            JsonValueKind.String => id.GetString()!,
            JsonValueKind.Number => id.GetRawText(),
            _ => throw new ApiError(ErrorCodes.InvalidDocumentIds,
                $"Invalid value type at `[{i}]`: expected a string or an integer, but found {JsonDescriptions.Kind(id)}: `{JsonDescriptions.Compact(id)}`"),
        }).ToList();
        return IndexRoutes.Accepted(tasks.Enqueue(uid, Deletion, Deleted(ids.Count, null), () => Deleted(ids.Count, indexes.DeleteDocuments(uid, ids).DeletedDocuments)));
    }

    public static async Task<IResult> DeleteByFilter(string uid, HttpContext context, StandInAuthenticator auth, StandInIndexes indexes, TaskQueue tasks)
    {
        auth.Authenticate(context, StandInActions.DocumentsDelete, IndexUid.FromRoute(uid));
        var body = (await JsonBody.ReadObjectAsync(context.Request, "document")).AllowOnly("filter");
        var raw = body.Required("filter");
        var filter = DocumentQueries.ParseFilter(() => FilterJson.Parse(raw))
            ?? throw new ApiError(ErrorCodes.InvalidDocumentFilter, "Invalid value at `.filter`: the filter cannot be empty.");
        var details = new JsonObject { ["providedIds"] = 0, ["originalFilter"] = raw.GetRawText(), ["deletedDocuments"] = null };
        return IndexRoutes.Accepted(tasks.Enqueue(uid, Deletion, details, () =>
        {
            var deleted = indexes.DeleteDocuments(uid, filter).DeletedDocuments;
            return new JsonObject { ["providedIds"] = 0, ["originalFilter"] = raw.GetRawText(), ["deletedDocuments"] = deleted };
        }));
    }

    public static IResult DeleteAll(string uid, HttpContext context, StandInAuthenticator auth, StandInIndexes indexes, TaskQueue tasks)
    {
        auth.Authenticate(context, StandInActions.DocumentsDelete, IndexUid.FromRoute(uid));
        return IndexRoutes.Accepted(tasks.Enqueue(uid, "documentDeletion", new JsonObject { ["deletedDocuments"] = null }, () =>
            new JsonObject { ["deletedDocuments"] = indexes.DeleteAllDocuments(uid).DeletedDocuments }));
    }

    private static JsonObject Deleted(int providedIds, int? deleted) =>
        new() { ["providedIds"] = providedIds, ["deletedDocuments"] = deleted };
}
