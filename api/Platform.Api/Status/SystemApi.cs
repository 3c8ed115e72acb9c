using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Api.Auth;
using Platform.Api.Errors;

namespace Platform.Api.Status;

/// <summary><c>/health</c> (open, as in Meilisearch) and <c>/version</c> (master key).</summary>
internal static class SystemApi
{
    /// <summary>The Meilisearch API version whose routes and errors the platform reproduces.</summary>
    public const string CompatibleMeilisearchVersion = "1.50.0";

    public static IEndpointRouteBuilder MapSystemApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/health", Health).WithName(nameof(Health)).WithTags("System");
        routes.MapGet("/version", Version).WithName(nameof(Version)).WithTags("System").RequireMasterKey();
        return routes;
    }

    public static IResult Health() => TypedResults.Ok(new { status = "available" });

    public static IResult Version()
    {
        var assembly = typeof(SystemApi).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var commit = informational.Contains('+', StringComparison.Ordinal) ? informational.Split('+', 2)[1] : "unknown";
        return TypedResults.Ok(new
        {
            commitSha = commit,
            commitDate = "unknown",
            pkgVersion = CompatibleMeilisearchVersion,
            platform = new { version = informational.Split('+', 2)[0], commitSha = commit, runtime = Environment.Version.ToString() },
        });
    }
}
