namespace Platform.Grains;

/// <summary>Telemetry names are API: dashboards and alerts depend on them. Change only with a changelog entry.</summary>
public static class PlatformTelemetry
{
    /// <summary>The platform's <see cref="System.Diagnostics.ActivitySource"/> name.</summary>
    public const string ActivitySourceName = "Platform.Search";

    /// <summary>The platform's <see cref="System.Diagnostics.Metrics.Meter"/> name.</summary>
    public const string MeterName = "Platform.Search";

    /// <summary>Counter: failed authentications (unknown keys, wrong master keys, tokens that do not decode or verify).</summary>
    public const string AuthFailures = "platform.auth.failures";

    /// <summary>Counter: requests refused with <c>too_many_failed_authentications</c>.</summary>
    public const string AuthThrottled = "platform.auth.throttled";

    /// <summary>Counter: unknown key values answered by the negative cache, without a grain call.</summary>
    public const string AuthUnknownKeyCacheHits = "platform.auth.unknown_key_cache.hits";

    /// <summary>The unit of the authentication counters.</summary>
    public const string RequestUnit = "{request}";
}
