using Microsoft.AspNetCore.Builder;

namespace Platform.Api.Auth;

/// <summary>
/// <c>/metrics</c> is open to scrapers on the loopback interface (the default deployment has Prometheus beside the
/// silo) and needs the master key from anywhere else (docs/api-reference.md#metrics).
/// </summary>
public static class MetricsAccess
{
    public static TBuilder RequireMetricsAccess<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        RouteAccessConventions.Declare(builder, new MasterKeyAccess(OpenOnLoopback: true));
}
