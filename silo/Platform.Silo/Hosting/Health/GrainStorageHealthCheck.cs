using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Storage;
using Platform.Grains;

namespace Platform.Silo.Hosting.Health;

/// <summary>
/// Reads one record that is never written through the platform's grain storage provider (SQLite or Redis), directly,
/// without activating a grain: a cheap round trip that fails when the store does not answer.
/// </summary>
internal sealed partial class GrainStorageHealthCheck(IServiceProvider services, ILogger<GrainStorageHealthCheck> logger) : IHealthCheck
{
    public const string Name = "storage";

    private const string StateName = "health-probe";
    private static readonly GrainId ProbeGrain = GrainId.Create("platform-health", "probe");

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var storage = services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Platform);
            // The providers take no token; the wait is bounded here, and the registration's timeout cancels it.
            await storage.ReadStateAsync(StateName, ProbeGrain, new GrainState<ProbeState>()).WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy("Grain storage answered a read.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The exception's message may hold connection details; the probe is public, so only the log has it.
            LogFailed(logger, e);
            return HealthCheckResult.Unhealthy($"Grain storage did not answer a read ({e.GetType().Name}).");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The readiness probe could not read grain storage.")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    /// <summary>The probe record's shape; it is never stored.</summary>
    internal sealed class ProbeState;
}
