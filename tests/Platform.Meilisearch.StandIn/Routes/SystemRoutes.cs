using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Meilisearch.StandIn.Auth;

namespace Platform.Meilisearch.StandIn.Routes;

/// <summary><c>GET /health</c> (public, as in Meilisearch) and <c>GET /version</c> (action <c>version</c>).</summary>
internal static class SystemRoutes
{
    /// <summary>The Meilisearch version whose documented contract the stand-in follows.</summary>
    public const string PkgVersion = "1.15.0";

    public static void MapSystemRoutes(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/health", () => TypedResults.Ok(new JsonObject { ["status"] = "available" }));
        routes.MapGet("/version", (HttpContext context, StandInAuthenticator auth) =>
        {
            auth.Authenticate(context, StandInActions.Version, null);
            return TypedResults.Ok(new JsonObject
            {
                ["commitSha"] = "standin",
                ["commitDate"] = "unknown",
                ["pkgVersion"] = PkgVersion,
            });
        });
    }
}
