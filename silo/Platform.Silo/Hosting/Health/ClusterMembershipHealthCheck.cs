using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.Silo.Hosting.Health;

/// <summary>
/// Ready only while this silo's own membership snapshot lists it as <see cref="SiloStatus.Active"/>: not while it is
/// still joining, nor once it is shutting down or has been declared dead by the others.
/// </summary>
internal sealed class ClusterMembershipHealthCheck(IClusterMembershipService membership, ILocalSiloDetails silo) : IHealthCheck
{
    public const string Name = "cluster";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = membership.CurrentSnapshot;
        var status = snapshot.GetSiloStatus(silo.SiloAddress);
        var active = snapshot.Members.Values.Count(member => member.Status == SiloStatus.Active);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"This silo is an active cluster member ({active} active).")
            : HealthCheckResult.Unhealthy($"This silo is {status}, not an active cluster member ({active} active)."));
    }
}
