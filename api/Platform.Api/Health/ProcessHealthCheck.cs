using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.Api.Health;

/// <summary>
/// The live probe's only check. It asks no dependency on purpose: a liveness failure makes an orchestrator restart
/// the process, and restarting a silo does not bring Redis or the engine back.
/// </summary>
internal sealed class ProcessHealthCheck : IHealthCheck
{
    public const string Name = "process";

    private static readonly Task<HealthCheckResult> Alive =
        Task.FromResult(HealthCheckResult.Healthy("The process serves requests."));

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) => Alive;
}
