using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.Api.Health;

/// <summary>The ready probe's first check: unhealthy from the moment a drain starts (<see cref="DrainState"/>).</summary>
internal sealed class DrainHealthCheck(DrainState drain) : IHealthCheck
{
    public const string Name = "drain";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(drain.IsDraining
            ? HealthCheckResult.Unhealthy("The process is shutting down: it finishes in-flight requests and takes no new traffic.")
            : HealthCheckResult.Healthy("The process is not shutting down."));
}
