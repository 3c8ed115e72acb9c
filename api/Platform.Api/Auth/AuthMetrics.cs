using System.Diagnostics.Metrics;
using Platform.Grains;

namespace Platform.Api.Auth;

/// <summary>The brute-force defences' counters, on the platform's meter (README, Telemetry).</summary>
internal sealed class AuthMetrics
{
    private readonly Counter<long> _failures;
    private readonly Counter<long> _throttled;
    private readonly Counter<long> _unknownKeyCacheHits;

    public AuthMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(PlatformTelemetry.MeterName);
        _failures = meter.CreateCounter<long>(PlatformTelemetry.AuthFailures, PlatformTelemetry.RequestUnit,
            "Failed authentications: unknown keys, wrong master keys, tokens that do not decode or verify.");
        _throttled = meter.CreateCounter<long>(PlatformTelemetry.AuthThrottled, PlatformTelemetry.RequestUnit,
            "Requests refused with too_many_failed_authentications.");
        _unknownKeyCacheHits = meter.CreateCounter<long>(PlatformTelemetry.AuthUnknownKeyCacheHits, PlatformTelemetry.RequestUnit,
            "Unknown key values refused from the negative cache, without a grain call.");
    }

    public void Failure() => _failures.Add(1);

    public void Throttled() => _throttled.Add(1);

    public void UnknownKeyCacheHit() => _unknownKeyCacheHits.Add(1);
}
