namespace Platform.ServiceDefaults;

/// <summary>
/// Telemetry export settings, bound from <see cref="SectionName"/> and validated at start-up by
/// <see cref="TelemetryOptionsValidator"/>.
/// </summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Platform:Telemetry";

    /// <summary>
    /// OTLP endpoint for traces and metrics (e.g. <c>http://127.0.0.1:4317</c>). Unset: nothing is exported over OTLP,
    /// unless the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable is set.
    /// </summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>Serve Prometheus text exposition on <c>/metrics</c>. Default true.</summary>
    public bool Prometheus { get; set; } = true;
}
