namespace Platform.Grains;

/// <summary>Telemetry names are API: dashboards and alerts depend on them. Change only with a changelog entry.</summary>
public static class PlatformTelemetry
{
    /// <summary>The platform's <see cref="System.Diagnostics.ActivitySource"/> name.</summary>
    public const string ActivitySourceName = "Platform.Search";

    /// <summary>The platform's <see cref="System.Diagnostics.Metrics.Meter"/> name.</summary>
    public const string MeterName = "Platform.Search";
}
