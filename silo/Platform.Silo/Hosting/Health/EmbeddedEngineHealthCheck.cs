using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Search.Engine;
using Platform.Search.Errors;

namespace Platform.Silo.Hosting.Health;

/// <summary>
/// The embedded engine answers when its index registry does: describing an index that does not exist must fail with
/// <c>index_not_found</c>, and nothing else.
/// </summary>
internal sealed partial class EmbeddedEngineHealthCheck(ISearchEngine engine, ILogger<EmbeddedEngineHealthCheck> logger) : IHealthCheck
{
    /// <summary>A valid index uid that the probe only ever describes; if an operator creates it, it still answers.</summary>
    private const string ProbeIndex = "platform-health-probe";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await engine.GetIndexAsync(ProbeIndex, cancellationToken);
        }
        catch (SearchEngineException e) when (e.Code == ErrorCodes.IndexNotFound)
        {
            // The expected answer.
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, e);
            return HealthCheckResult.Unhealthy($"The embedded engine's index registry did not answer ({e.GetType().Name}).");
        }

        return HealthCheckResult.Healthy("The embedded engine's index registry answered.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The readiness probe could not reach the embedded engine's index registry.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
