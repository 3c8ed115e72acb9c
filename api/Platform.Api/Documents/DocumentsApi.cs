using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Api.Auth;
using Platform.Api.Cors;
using Platform.Api.Errors;
using Platform.Api.Indexes;
using Platform.Api.Json;
using Platform.Api.OpenApi;
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
    public static RouteGroupBuilder MapDocumentsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/indexes/{uid}/documents").WithTags("Documents")
            .RequireMeilisearchCors()
            .Accepts(Credentials.TenantKey)
            .ProducesErrors(ErrorResponses.Authenticated);
        group.MapPost("", AddOrReplaceDocuments).WithName(nameof(AddOrReplaceDocuments))
            .WithSummary("Add or replace documents")
            .WithDescription("Adds documents (JSON array or NDJSON) to the caller's tenant; a document with an existing id replaces it. Answers 202 with a summarized task.");
        group.MapPut("", AddOrUpdateDocuments).WithName(nameof(AddOrUpdateDocuments))
            .WithSummary("Add or update documents")
            .WithDescription("Adds documents to the caller's tenant; a document with an existing id is merged field by field. Answers 202 with a summarized task.");
        group.MapGet("", GetDocuments).WithName(nameof(GetDocuments))
            .WithSummary("List documents")
            .WithDescription("A page of the caller's documents (`offset`, `limit`, `fields`, `filter` in the query string).");
        group.MapDelete("", DeleteAllDocuments).WithName(nameof(DeleteAllDocuments))
            .WithSummary("Delete all documents")
            .WithDescription("Deletes every document of the caller's tenant in the index; other tenants' documents stay.");
        group.MapPost("/fetch", FetchDocuments).WithName(nameof(FetchDocuments))
            .WithSummary("Fetch documents")
            .WithDescription("The same page as `GET /documents`, with its parameters in a JSON body.");
        group.MapPost("/delete-batch", DeleteDocumentsBatch).WithName(nameof(DeleteDocumentsBatch))
            .WithSummary("Delete documents by id")
            .WithDescription("Deletes the caller's documents whose ids the body lists (strings or integers).");
        group.MapPost("/delete", DeleteDocumentsByFilter).WithName(nameof(DeleteDocumentsByFilter))
            .WithSummary("Delete documents by filter")
            .WithDescription("Deletes the caller's documents matching `filter`, which must not be empty.");
        group.MapGet("/{id}", GetDocument).WithName(nameof(GetDocument))
            .WithSummary("Get a document")
            .WithDescription("One of the caller's documents by id, optionally limited to `fields`.");
        group.MapDelete("/{id}", DeleteDocument).WithName(nameof(DeleteDocument))
            .WithSummary("Delete a document")
            .WithDescription("Deletes one of the caller's documents by id.");
        return group;
    }

    public static Task<Accepted<SummarizedTaskView>> AddOrReplaceDocuments(string uid, HttpContext context, TenantKeyAuthenticator auth, IGrainFactory grains) =>
        Write(uid, context, auth, grains, DocumentWriteMode.AddOrReplace);

    public static Task<Accepted<SummarizedTaskView>> AddOrUpdateDocuments(string uid, HttpContext context, TenantKeyAuthenticator auth, IGrainFactory grains) =>
        Write(uid, context, auth, grains, DocumentWriteMode.AddOrUpdate);

    public static async Task<Ok<DocumentsPage>> GetDocuments(string uid, HttpContext context, TenantKeyAuthenticator auth, IGrainFactory grains)
    {
        var caller = await auth.AuthenticateAsync(context, TenantActions.DocumentsGet, IndexUid.FromRoute(uid));
        var query = DocumentQueries.FromQueryString(context.Request);
        return Page(await Tenant(grains, caller).GetDocuments(uid, query));
    }

    public static async Task<Ok<DocumentsPage>> FetchDocuments(string uid, HttpContext context, TenantKeyAuthenticator auth, IGrainFactory grains)
    {
        var caller = await auth.AuthenticateAsync(context, TenantActions.DocumentsGet, IndexUid.FromRoute(uid));
        var query = DocumentQueries.FromBody(await JsonBody.ReadObjectAsync(context.Request, "document"));
        return Page(await Tenant(grains, caller).GetDocuments(uid, query));
    }

    public static async Task<Ok<JsonObject>> GetDocument(string uid, string id, HttpContext context, TenantKeyAuthenticator auth, IGrainFactory grains)
    {
        var caller = await auth.AuthenticateAsync(context, TenantActions.DocumentsGet, IndexUid.FromRoute(uid));
        var fields = context.Request.Query["fields"] is { Count: > 0 } raw
            ? raw[0]!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : null;
        var document = await Tenant(grains, caller).GetDocument(uid, id, fields);
        return TypedResults.Ok(document);
    }

    public static async Task<Accepted<SummarizedTaskView>> DeleteDocument(string uid, string id, HttpContext context, TenantKeyAuthenticator auth, IGrainFactory grains)
    {
        var caller = await auth.AuthenticateAsync(context, TenantActions.DocumentsDelete, IndexUid.FromRoute(uid));
        return TaskResults.Accepted(await Tenant(grains, caller).DeleteDocuments(uid, [id]));
    }

    public static async Task<Accepted<SummarizedTaskView>> DeleteDocumentsBatch(string uid, HttpContext context, TenantKeyAuthenticator auth, IGrainFactory grains)
    {
        var caller = await auth.AuthenticateAsync(context, TenantActions.DocumentsDelete, IndexUid.FromRoute(uid));
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

    public static async Task<Accepted<SummarizedTaskView>> DeleteDocumentsByFilter(string uid, HttpContext context, TenantKeyAuthenticator auth, IGrainFactory grains)
    {
        var caller = await auth.AuthenticateAsync(context, TenantActions.DocumentsDelete, IndexUid.FromRoute(uid));
        var body = await JsonBody.ReadObjectAsync(context.Request, "document");
        body.AllowOnly("filter");
        var filter = DocumentQueries.ParseFilter(() => FilterJson.Parse(body.Required("filter")))
            ?? throw new ApiError(ErrorCodes.InvalidDocumentFilter, "Invalid value at `.filter`: the filter cannot be empty.");
        return TaskResults.Accepted(await Tenant(grains, caller).DeleteDocumentsByFilter(uid, filter));
    }

    public static async Task<Accepted<SummarizedTaskView>> DeleteAllDocuments(string uid, HttpContext context, TenantKeyAuthenticator auth, IGrainFactory grains)
    {
        var caller = await auth.AuthenticateAsync(context, TenantActions.DocumentsDelete, IndexUid.FromRoute(uid));
        return TaskResults.Accepted(await Tenant(grains, caller).DeleteAllDocuments(uid));
    }

    private static async Task<Accepted<SummarizedTaskView>> Write(string uid, HttpContext context, TenantKeyAuthenticator auth, IGrainFactory grains, DocumentWriteMode mode)
    {
        var caller = await auth.AuthenticateAsync(context, TenantActions.DocumentsAdd, IndexUid.FromRoute(uid));
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
