using System.Text.Json.Nodes;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Platform.Search.Meilisearch;

namespace Platform.Silo.Hosting.Health;

/// <summary>
/// Meilisearch answers when its own <c>GET /health</c> says <c>available</c>. One plain request, no retries (the
/// engine's client retries, which would stretch a probe); the registration's timeout bounds it.
/// </summary>
internal sealed partial class MeilisearchHealthCheck(
    IHttpClientFactory clients, IOptions<MeilisearchOptions> options, ILogger<MeilisearchHealthCheck> logger) : IHealthCheck
{
    /// <summary>The named <see cref="HttpClient"/> of this check (no resilience handler).</summary>
    public const string ClientName = "platform-health-meilisearch";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var http = clients.CreateClient(ClientName);
            var url = new Uri(new Uri(options.Value.Url!.TrimEnd('/') + "/"), "health");
            using var response = await http.GetAsync(url, cancellationToken);
            var body = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken) : null;
            var status = body?["status"]?.GetValue<string>();
            return status == "available"
                ? HealthCheckResult.Healthy("Meilisearch answered: available.")
                : HealthCheckResult.Unhealthy($"Meilisearch answered {(int)response.StatusCode} without status `available`.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, e);
            return HealthCheckResult.Unhealthy($"Meilisearch did not answer its health route ({e.GetType().Name}).");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The readiness probe could not reach Meilisearch's health route.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
