using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Api.Indexes;
using Platform.Api.Json;
using Platform.Api.Search;
using Platform.Meilisearch.StandIn.Auth;
using Platform.Meilisearch.StandIn.Engine;
using Platform.Search.Engine;
using Platform.Search.Filters;

namespace Platform.Meilisearch.StandIn.Routes;

/// <summary>
/// Meilisearch's search routes: search (POST and GET), multi-search (plain and federated) and facet search. A tenant
/// token's rule filter is ANDed onto the request's filter before the engine sees it.
/// </summary>
internal static class SearchRoutes
{
    public static void MapSearchRoutes(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/indexes/{uid}/search", SearchWithPost);
        routes.MapGet("/indexes/{uid}/search", SearchWithGet);
        routes.MapPost("/multi-search", MultiSearch);
        routes.MapPost("/indexes/{uid}/facet-search", FacetSearch);
    }

    public static async Task<IResult> SearchWithPost(string uid, HttpContext context, StandInAuthenticator auth, StandInIndexes indexes)
    {
        var caller = auth.Authenticate(context, StandInActions.Search, IndexUid.FromRoute(uid));
        var query = SearchQueryReader.Read(await JsonBody.ReadAsync(context.Request));
        return SearchResponseWriter.ToResult(Search(indexes, caller, uid, query.Request, context.RequestAborted));
    }

    public static IResult SearchWithGet(string uid, HttpContext context, StandInAuthenticator auth, StandInIndexes indexes)
    {
        var caller = auth.Authenticate(context, StandInActions.Search, IndexUid.FromRoute(uid));
        var query = SearchQueryReader.ReadQueryString(context.Request.Query);
        return SearchResponseWriter.ToResult(Search(indexes, caller, uid, query.Request, context.RequestAborted));
    }

    public static async Task<IResult> MultiSearch(HttpContext context, StandInAuthenticator auth, StandInIndexes indexes)
    {
        var caller = auth.Authenticate(context, StandInActions.Search, null);
        var body = await JsonBody.ReadAsync(context.Request);
        var result = await MultiSearchOrchestrator.RunAsync(body, (indexUid, request, _, cancellationToken) =>
        {
            caller.EnsureMayQuery(indexUid);
            return Task.FromResult(Search(indexes, caller, indexUid, request, cancellationToken));
        }, context.RequestAborted);
        return SearchResponseWriter.ToResult(result);
    }

    public static async Task<IResult> FacetSearch(string uid, HttpContext context, StandInAuthenticator auth, StandInIndexes indexes)
    {
        var caller = auth.Authenticate(context, StandInActions.Search, IndexUid.FromRoute(uid));
        var request = FacetSearchRequestReader.Read(await JsonBody.ReadObjectAsync(context.Request, "facet_search"));
        var fused = request with { Filter = Fuse(caller, uid, request.Filter) };
        return FacetSearchResponseWriter.ToResult(indexes.FacetSearch(uid, fused, context.RequestAborted));
    }

    private static SearchResponse Search(StandInIndexes indexes, StandInCaller caller, string uid, SearchRequest request, CancellationToken cancellationToken) =>
        indexes.Search(uid, request with { Filter = Fuse(caller, uid, request.Filter) }, cancellationToken);

    private static FilterExpression? Fuse(StandInCaller caller, string uid, FilterExpression? filter)
    {
        try
        {
            return caller.Fuse(uid, filter);
        }
        catch (FilterParseException e)
        {
            throw SearchErrors.ToApiError(e);
        }
    }
}
