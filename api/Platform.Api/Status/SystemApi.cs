using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Api.Auth;
using Platform.Api.Cors;
using Platform.Api.Errors;

namespace Platform.Api.Status;

/// <summary><c>/health</c> (open, as in Meilisearch) and <c>/version</c> (master key).</summary>
internal static class SystemApi
{
    /// <summary>The Meilisearch API version whose routes and errors the platform reproduces.</summary>
    public const string CompatibleMeilisearchVersion = "1.50.0";

    public static RouteGroupBuilder MapSystemApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithTags("System")
            .RequireMeilisearchCors();
        group.MapGet("/health", Health).WithName(nameof(Health))
            .AllowEveryone()
            .WithSummary("Health check")
            .WithDescription("Answers `{\"status\":\"available\"}` while the process serves requests. Open to everyone, as in Meilisearch.");
        group.MapGet("/version", Version).WithName(nameof(Version))
            .WithSummary("Version")
            .WithDescription("The Meilisearch version whose API the platform reproduces (`pkgVersion`) and the platform's own build.")
            .RequireMasterKey()
            .ProducesErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
        return group;
    }

    public static Ok<HealthView> Health() => TypedResults.Ok(new HealthView("available"));

    public static Ok<VersionView> Version()
    {
        var assembly = typeof(SystemApi).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var commit = informational.Contains('+', StringComparison.Ordinal) ? informational.Split('+', 2)[1] : "unknown";
        return TypedResults.Ok(new VersionView(commit, "unknown", CompatibleMeilisearchVersion,
            new PlatformVersionView(informational.Split('+', 2)[0], commit, Environment.Version.ToString())));
    }
}

/// <summary>The answer of <c>GET /health</c>.</summary>
internal sealed record HealthView(string Status);

/// <summary>The answer of <c>GET /version</c>: Meilisearch's three fields, then the platform's own build.</summary>
internal sealed record VersionView(string CommitSha, string CommitDate, string PkgVersion, PlatformVersionView Platform);

/// <summary>The platform's build inside <see cref="VersionView"/>.</summary>
internal sealed record PlatformVersionView(string Version, string CommitSha, string Runtime);
