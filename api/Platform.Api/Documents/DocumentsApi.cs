using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Api.Auth;
using Platform.Api.Cors;
using Platform.Api.Errors;
using Platform.Api.Json;
using Platform.Api.Tasks;
using Platform.Api.Tenants;
using Platform.Grains.Tenants;
using Platform.Search.Engine;
using Platform.Search.Errors;
using Platform.Search.Filters;

namespace Platform.Api.Documents;

/// <summary>
/// Meilisearch's document routes for tenant keys (docs/api-reference.md#documents): every read, write and delete goes through the
/// caller's tenant grain and is confined to the caller's documents. Writes answer 202 with a summarized task.
/// </summary>
internal static class DocumentsApi
{
    /// <summary>The route value naming the index every document route's key must cover.</summary>
    private const string IndexRoute = "uid";

    public static RouteGroupBuilder MapDocumentsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/indexes/{uid}/documents").WithTags("Documents")
            .RequireMeilisearchCors()
            .ProducesErrors(ErrorResponses.Authenticated);
        group.MapPost("", AddOrReplaceDocuments).WithName(nameof(AddOrReplaceDocuments))
            .RequireTenantKey(TenantActions.DocumentsAdd, IndexRoute)
            .WithSummary("Add or replace documents")
            .WithDescription("Adds documents (JSON array or NDJSON) to the caller's tenant; a document with an existing id replaces it. Answers 202 with a summarized task.");
        group.MapPut("", AddOrUpdateDocuments).WithName(nameof(AddOrUpdateDocuments))
            .RequireTenantKey(TenantActions.DocumentsAdd, IndexRoute)
            .WithSummary("Add or update documents")
            .WithDescription("Adds documents to the caller's tenant; a document with an existing id is merged field by field. Answers 202 with a summarized task.");
        group.MapGet("", GetDocuments).WithName(nameof(GetDocuments))
            .RequireTenantKey(TenantActions.DocumentsGet, IndexRoute)
            .WithSummary("List documents")
            .WithDescription("A page of the caller's documents (`offset`, `limit`, `fields`, `filter` in the query string).");
        group.MapDelete("", DeleteAllDocuments).WithName(nameof(DeleteAllDocuments))
            .RequireTenantKey(TenantActions.DocumentsDelete, IndexRoute)
            .WithSummary("Delete all documents")
            .WithDescription("Deletes every document of the caller's tenant in the index; other tenants' documents stay.");
        group.MapPost("/fetch", FetchDocuments).WithName(nameof(FetchDocuments))
            .RequireTenantKey(TenantActions.DocumentsGet, IndexRoute)
            .WithSummary("Fetch documents")
            .WithDescription("The same page as `GET /documents`, with its parameters in a JSON body.");
        group.MapPost("/delete-batch", DeleteDocumentsBatch).WithName(nameof(DeleteDocumentsBatch))
            .RequireTenantKey(TenantActions.DocumentsDelete, IndexRoute)
            .WithSummary("Delete documents by id")
            .WithDescription("Deletes the caller's documents whose ids the body lists (strings or integers).");
        group.MapPost("/delete", DeleteDocumentsByFilter).WithName(nameof(DeleteDocumentsByFilter))
            .RequireTenantKey(TenantActions.DocumentsDelete, IndexRoute)
            .WithSummary("Delete documents by filter")
            .WithDescription("Deletes the caller's documents matching `filter`, which must not be empty.");
        group.MapGet("/{id}", GetDocument).WithName(nameof(GetDocument))
            .RequireTenantKey(TenantActions.DocumentsGet, IndexRoute)
            .WithSummary("Get a document")
            .WithDescription("One of the caller's documents by id, optionally limited to `fields`.");
        group.MapDelete("/{id}", DeleteDocument).WithName(nameof(DeleteDocument))
            .RequireTenantKey(TenantActions.DocumentsDelete, IndexRoute)
            .WithSummary("Delete a document")
            .WithDescription("Deletes one of the caller's documents by id.");
        return group;
    }

    public static Task<Accepted<SummarizedTaskView>> AddOrReplaceDocuments(string uid, HttpContext context, TenantCaller caller, IGrainFactory grains) =>
        Write(uid, context, caller, grains, DocumentWriteMode.AddOrReplace);

    public static Task<Accepted<SummarizedTaskView>> AddOrUpdateDocuments(string uid, HttpContext context, TenantCaller caller, IGrainFactory grains) =>
        Write(uid, context, caller, grains, DocumentWriteMode.AddOrUpdate);

    public static async Task<Ok<DocumentsPage>> GetDocuments(string uid, HttpContext context, TenantCaller caller, IGrainFactory grains)
    {
        var query = DocumentQueries.FromQueryString(context.Request);
        return Page(await Tenant(grains, caller).GetDocuments(uid, query));
    }

    public static async Task<Ok<DocumentsPage>> FetchDocuments(string uid, HttpContext context, TenantCaller caller, IGrainFactory grains)
    {
        var query = DocumentQueries.FromBody(await JsonBody.ReadObjectAsync(context.Request, "document"));
        return Page(await Tenant(grains, caller).GetDocuments(uid, query));
    }

    public static async Task<Ok<JsonObject>> GetDocument(string uid, string id, HttpContext context, TenantCaller caller, IGrainFactory grains)
    {
        var fields = context.Request.Query["fields"] is { Count: > 0 } raw
            ? raw[0]!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : null;
        var document = await Tenant(grains, caller).GetDocument(uid, id, fields);
        return TypedResults.Ok(document);
    }

    public static async Task<Accepted<SummarizedTaskView>> DeleteDocument(string uid, string id, HttpContext context, TenantCaller caller, IGrainFactory grains)
    {
        return TaskResults.Accepted(await Tenant(grains, caller).DeleteDocuments(uid, [id]));
    }

    public static async Task<Accepted<SummarizedTaskView>> DeleteDocumentsBatch(string uid, HttpContext context, TenantCaller caller, IGrainFactory grains)
    {
        var body = await JsonBody.ReadAsync(context.Request);
        if (body.ValueKind != JsonValueKind.Array)
        {
            throw new ApiError(ErrorCodes.InvalidDocumentIds,
                $"Invalid value type: expected an array, but found {JsonDescriptions.Kind(body)}: `{JsonDescriptions.Compact(body)}`");
        }

        // Ids may be strings or integers, as in Meilisearch; the engine validates them.
        var ids = body.EnumerateArray().Select((id, i) => id.ValueKind switch
        {
            JsonValueKind.String => id.GetString()!,
            JsonValueKind.Number => id.GetRawText(),
            _ => throw new ApiError(ErrorCodes.InvalidDocumentIds,
                $"Invalid value type at `[{i}]`: expected a string or an integer, but found {JsonDescriptions.Kind(id)}: `{JsonDescriptions.Compact(id)}`"),
        }).ToList();
        return TaskResults.Accepted(await Tenant(grains, caller).DeleteDocuments(uid, ids));
    }

    public static async Task<Accepted<SummarizedTaskView>> DeleteDocumentsByFilter(string uid, HttpContext context, TenantCaller caller, IGrainFactory grains)
    {
        var body = await JsonBody.ReadObjectAsync(context.Request, "document");
        body.AllowOnly("filter");
        var filter = DocumentQueries.ParseFilter(() => FilterJson.Parse(body.Required("filter")))
            ?? throw new ApiError(ErrorCodes.InvalidDocumentFilter, "Invalid value at `.filter`: the filter cannot be empty.");
        return TaskResults.Accepted(await Tenant(grains, caller).DeleteDocumentsByFilter(uid, filter));
    }

    public static async Task<Accepted<SummarizedTaskView>> DeleteAllDocuments(string uid, HttpContext context, TenantCaller caller, IGrainFactory grains)
    {
        return TaskResults.Accepted(await Tenant(grains, caller).DeleteAllDocuments(uid));
    }

    private static async Task<Accepted<SummarizedTaskView>> Write(string uid, HttpContext context, TenantCaller caller, IGrainFactory grains, DocumentWriteMode mode)
    {
        foreach (var key in context.Request.Query.Keys)
        {
            if (key != "primaryKey") throw ApiError.BadRequest($"Unknown parameter `{key}`: expected one of `primaryKey`");
        }

        var primaryKey = context.Request.Query["primaryKey"] is { Count: > 0 } pk ? pk[0] : null;
        var documents = await DocumentPayload.ReadAsync(context.Request);
        return TaskResults.Accepted(await Tenant(grains, caller).AddDocuments(uid, documents, mode, primaryKey));
    }

    private static ITenantGrain Tenant(IGrainFactory grains, TenantCaller caller) => grains.GetGrain<ITenantGrain>(caller.TenantUid);

    /// <summary>The page as the engine built it: <c>{results, offset, limit, total}</c>, Meilisearch's shape.</summary>
    private static Ok<DocumentsPage> Page(DocumentsPage page) => TypedResults.Ok(page);
}
