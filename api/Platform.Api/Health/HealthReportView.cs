namespace Platform.Api.Health;

/// <summary>
/// The answer of <c>GET /health/live</c> and <c>GET /health/ready</c> (docs/api-reference.md#health-probes):
/// overall status (<c>healthy</c>, <c>degraded</c> or <c>unhealthy</c>), then every check that ran.
/// </summary>
internal sealed record HealthReportView(string Status, double TotalDurationMs, IReadOnlyList<HealthCheckView> Checks);

/// <summary>One check of <see cref="HealthReportView"/>. Descriptions are fixed sentences: no tenant data, no secrets.</summary>
internal sealed record HealthCheckView(string Name, string Status, double DurationMs, string? Description);
