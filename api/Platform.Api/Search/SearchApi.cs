using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Orleans.Concurrency;
using Platform.Api.Auth;
using Platform.Api.Cors;
using Platform.Api.Errors;
using Platform.Api.Json;
using Platform.Grains.Tenants;
using Platform.Search.Engine;
using Platform.Search.Filters;

namespace Platform.Api.Search;

/// <summary>
/// Meilisearch's search routes, for tenant API keys with <c>search</c> and tenant tokens (docs/api-reference.md#search).
/// Every search goes through the caller's tenant grain; the effective filter is
/// <c>isolation AND tenant rule AND token rule AND request filter</c>, built on parsed trees.
/// </summary>
internal static class SearchApi
{
    public static RouteGroupBuilder MapSearchApi(this IEndpointRouteBuilder routes)
    {
        // Search bodies are written by hand in Meilisearch's field order (SearchResponseWriter): a JSON object here.
        var group = routes.MapGroup("").WithTags("Search")
            .RequireMeilisearchCors()
            .ProducesErrors(ErrorResponses.Authenticated);
        group.MapPost("/indexes/{uid}/search", SearchWithPost).WithName(nameof(SearchWithPost))
            .RequireSearchCaller(indexRouteValue: "uid")
            .WithSummary("Search an index")
            .WithDescription("Meilisearch's search with a JSON body, confined to the caller's documents: isolation, the tenant's rule, the token's rule and the request's filter all apply.")
            .Produces<JsonObject>(StatusCodes.Status200OK);
        group.MapGet("/indexes/{uid}/search", SearchWithGet).WithName(nameof(SearchWithGet))
            .RequireSearchCaller(indexRouteValue: "uid")
            .WithSummary("Search an index (query string)")
            .WithDescription("The same search with its parameters in the query string, as Meilisearch's GET route reads them.")
            .Produces<JsonObject>(StatusCodes.Status200OK);
        group.MapPost("/multi-search", MultiSearch).WithName(nameof(MultiSearch))
            .RequireSearchCaller()
            .WithSummary("Search several indexes")
            .WithDescription("Meilisearch's multi-search: one result per query, or one merged result when `federation` is given. Every query is checked against the caller's key or token.")
            .Produces<JsonObject>(StatusCodes.Status200OK);
        group.MapPost("/indexes/{uid}/facet-search", FacetSearch).WithName(nameof(FacetSearch))
            .RequireSearchCaller(indexRouteValue: "uid")
            .WithSummary("Search facet values")
            .WithDescription("Meilisearch's facet search: the values of one filterable attribute matching `facetQuery`, counted over the caller's matching documents.");
        return group;
    }

    public static async Task<IResult> SearchWithPost(string uid, HttpContext context, SearchCaller caller, IGrainFactory grains)
    {
        var query = SearchQueryReader.Read(await JsonBody.ReadAsync(context.Request));
        return SearchResponseWriter.ToResult(await SearchAsync(grains, caller, uid, query.Request, context.RequestAborted));
    }

    public static async Task<IResult> SearchWithGet(string uid, HttpContext context, SearchCaller caller, IGrainFactory grains)
    {
        var query = SearchQueryReader.ReadQueryString(context.Request.Query);
        return SearchResponseWriter.ToResult(await SearchAsync(grains, caller, uid, query.Request, context.RequestAborted));
    }

    public static async Task<IResult> MultiSearch(HttpContext context, SearchCaller caller, IGrainFactory grains)
    {
        var body = await JsonBody.ReadAsync(context.Request);
        var result = await MultiSearchOrchestrator.RunAsync(body, (indexUid, request, _, cancellationToken) =>
        {
            caller.EnsureMayQuery(indexUid);
            return SearchAsync(grains, caller, indexUid, request, cancellationToken);
        }, context.RequestAborted);
        return SearchResponseWriter.ToResult(result);
    }

    public static async Task<Ok<JsonObject>> FacetSearch(string uid, HttpContext context, SearchCaller caller, IGrainFactory grains)
    {
        var request = FacetSearchRequestReader.Read(await JsonBody.ReadObjectAsync(context.Request, "facet_search"));
        var filter = Fuse(caller, uid, request.Filter);
        return FacetSearchResponseWriter.ToResult(
            (await grains.GetGrain<ITenantGrain>(caller.TenantUid).FacetSearch(uid, (request with { Filter = filter }).AsImmutable(), context.RequestAborted)).Value);
    }

    /// <summary>
    /// One search of one index as the caller: token rule fused here, tenant rule and isolation in the grain. The
    /// request's abort token reaches the engine, which stops the work when the client has gone.
    /// </summary>
    internal static async Task<SearchResponse> SearchAsync(IGrainFactory grains, SearchCaller caller, string indexUid, SearchRequest request,
        CancellationToken cancellationToken)
    {
        var filter = Fuse(caller, indexUid, request.Filter);
        return (await grains.GetGrain<ITenantGrain>(caller.TenantUid).Search(indexUid, (request with { Filter = filter }).AsImmutable(), cancellationToken)).Value;
    }

    private static FilterExpression? Fuse(SearchCaller caller, string indexUid, FilterExpression? requestFilter)
    {
        try
        {
            return caller.Fuse(indexUid, requestFilter);
        }
        catch (FilterParseException e)
        {
            throw SearchErrors.ToApiError(e);
        }
    }
}
