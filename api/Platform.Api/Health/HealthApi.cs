using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Api.Auth;

namespace Platform.Api.Health;

/// <summary>
/// The probes (docs/api-reference.md#health-probes, docs/operations.md "Health and draining"): <c>GET /health/live</c>
/// and <c>GET /health/ready</c>, ASP.NET Core health checks selected by <see cref="HealthTags"/>, open to everyone
/// like Meilisearch's <c>GET /health</c> (which stays as it is, in <c>SystemApi</c>). Their answers carry no tenant data.
/// </summary>
internal static class HealthApi
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";

    /// <summary>Registers the checks every host has: the live probe's and the drain check that leads the ready probe.</summary>
    public static IHealthChecksBuilder AddPlatformHealthChecks(this IServiceCollection services)
    {
        services.AddSingleton<DrainState>();
        return services.AddHealthChecks()
            .AddCheck<ProcessHealthCheck>(ProcessHealthCheck.Name, tags: [HealthTags.Live])
            .AddCheck<DrainHealthCheck>(DrainHealthCheck.Name, tags: [HealthTags.Ready]);
    }

    public static void MapHealthApi(this IEndpointRouteBuilder routes)
    {
        Probe(routes, LivePath, HealthTags.Live, "LiveProbe", "Liveness probe",
            "Answers 200 while the process serves requests; asks no dependency, so restarting on failure only ever restarts a hung process.");
        Probe(routes, ReadyPath, HealthTags.Ready, "ReadyProbe", "Readiness probe",
            "Answers 200 when this silo should receive traffic: not draining, an active cluster member, grain storage and the search engine answering. 503 otherwise, naming the failing checks.");
    }

    private static readonly MethodInfo ProbeSignature =
        typeof(HealthApi).GetMethod(nameof(ProbeAnswer), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>The shape the OpenAPI document shows for a probe; never called (the middleware answers).</summary>
    private static HealthReportView ProbeAnswer() => throw new NotSupportedException();

    private static void Probe(IEndpointRouteBuilder routes, string path, string tag, string name, string summary, string description)
    {
        // MapHealthChecks maps a middleware pipeline for every method. The API explorer describes only endpoints with
        // an HTTP method and a handler signature, so the probe gets GET and ProbeAnswer's signature as metadata: it
        // then appears in the OpenAPI document like any other GET route, while the health-check middleware answers.
        routes.MapHealthChecks(path, new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(tag),
            ResponseWriter = HealthReportWriter.WriteAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        })
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get]), ProbeSignature)
            .WithName(name)
            .WithTags("System")
            .WithSummary(summary)
            .WithDescription(description)
            .AllowEveryone()
            .WithMetadata(
                new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(HealthReportView), ["application/json"]),
                new ProducesResponseTypeMetadata(StatusCodes.Status503ServiceUnavailable, typeof(HealthReportView), ["application/json"]));
    }
}
