using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Api.Auth;
using Platform.Api.Cors;
using Platform.Api.Errors;
using Platform.Api.Json;
using Platform.Api.Tasks;
using Platform.Grains.Directory;
using Platform.Grains.Indexes;
using Platform.Search.Errors;

namespace Platform.Api.Indexes;

/// <summary>
/// Operator routes for index definitions: Meilisearch's <c>/indexes</c> routes. Changes answer 202 with a task,
/// and failures (an existing or missing index) are reported on the task, as Meilisearch does.
/// </summary>
internal static class IndexesApi
{
    public static RouteGroupBuilder MapIndexesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/indexes").WithTags("Indexes").RequireMasterKey()
            .RequireMeilisearchCors()
            .ProducesErrors(ErrorResponses.Authenticated);
        group.MapPost("", CreateIndex).WithName(nameof(CreateIndex))
            .WithSummary("Create an index")
            .WithDescription("Creates an index shared by all tenants, with an optional primary key. Answers 202 with a summarized task.");
        group.MapGet("", ListIndexes).WithName(nameof(ListIndexes))
            .WithSummary("List indexes")
            .WithDescription("A page of indexes (`offset`, `limit`).");
        group.MapGet("/{uid}", GetIndex).WithName(nameof(GetIndex))
            .WithSummary("Get an index")
            .WithDescription("One index by uid.");
        group.MapPatch("/{uid}", UpdateIndex).WithName(nameof(UpdateIndex))
            .WithSummary("Update an index")
            .WithDescription("Sets the primary key of an index that has none. Answers 202 with a summarized task.");
        group.MapDelete("/{uid}", DeleteIndex).WithName(nameof(DeleteIndex))
            .WithSummary("Delete an index")
            .WithDescription("Deletes an index and every tenant's documents in it. Answers 202 with a summarized task.");
        return group;
    }

    public static async Task<Accepted<SummarizedTaskView>> CreateIndex(HttpRequest request, IGrainFactory grains)
    {
        var body = await JsonBody.ReadObjectAsync(request, "index");
        body.AllowOnly("uid", "primaryKey");
        var uidValue = body.Required("uid");
        if (uidValue.ValueKind != JsonValueKind.String) throw body.TypeError("uid", uidValue, "a string");
        var uid = uidValue.GetString()!;
        if (!IndexUid.IsValid(uid)) throw body.ValueError("uid", IndexUid.Describe(uid));
        var primaryKey = body.OptionalString("primaryKey", out _);

        var task = await grains.GetGrain<IIndexGrain>(uid).Create(primaryKey);
        return TaskResults.Accepted(task);
    }

    public static async Task<Ok<Tenants.PageView<IndexView>>> ListIndexes(HttpRequest request, IGrainFactory grains)
    {
        var page = PageQuery.Read(request, "index");
        var uids = await grains.GetGrain<IDirectoryGrain>(IIndexGrain.DirectoryKey).List(page.Offset, page.Limit);
        var indexes = await Task.WhenAll(uids.Uids.Select(uid => grains.GetGrain<IIndexGrain>(uid).Get()));
        var results = indexes.OfType<IndexSnapshot>().Select(IndexView.From).ToList();
        return TypedResults.Ok(new Tenants.PageView<IndexView>(results, page.Offset, page.Limit, uids.Total));
    }

    public static async Task<Ok<IndexView>> GetIndex(string uid, IGrainFactory grains) =>
        TypedResults.Ok(IndexView.From(await Existing(grains, uid)));

    public static async Task<Accepted<SummarizedTaskView>> UpdateIndex(string uid, HttpRequest request, IGrainFactory grains)
    {
        IndexUid.FromRoute(uid);
        var body = await JsonBody.ReadObjectAsync(request, "index");
        body.AllowOnly("primaryKey");
        var primaryKey = body.OptionalString("primaryKey", out _);
        var task = await grains.GetGrain<IIndexGrain>(uid).SetPrimaryKey(primaryKey);
        return TaskResults.Accepted(task);
    }

    public static async Task<Accepted<SummarizedTaskView>> DeleteIndex(string uid, IGrainFactory grains)
    {
        IndexUid.FromRoute(uid);
        var task = await grains.GetGrain<IIndexGrain>(uid).Delete();
        return TaskResults.Accepted(task);
    }

    internal static async Task<IndexSnapshot> Existing(IGrainFactory grains, string uid) =>
        await grains.GetGrain<IIndexGrain>(IndexUid.FromRoute(uid)).Get()
        ?? throw new ApiError(ErrorCodes.IndexNotFound, $"Index `{uid}` not found.");
}
