using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.Api.Health;

/// <summary>Writes a <see cref="HealthReport"/> as <see cref="HealthReportView"/> JSON (the default writer prints one word).</summary>
internal static class HealthReportWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        var view = new HealthReportView(
            StatusName(report.Status),
            Milliseconds(report.TotalDuration),
            [.. report.Entries.Select(entry => new HealthCheckView(
                entry.Key, StatusName(entry.Value.Status), Milliseconds(entry.Value.Duration), entry.Value.Description))]);
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, view, Json, context.RequestAborted);
    }

    public static string StatusName(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };

    private static double Milliseconds(TimeSpan duration) => Math.Round(duration.TotalMilliseconds, 1);
}
