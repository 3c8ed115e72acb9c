using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Serialization;
using Platform.Grains.Serialization;
using Platform.Grains.Tenants;

namespace Platform.Silo.Tests.Cluster;

/// <summary>
/// Finds the silo that hosts a tenant's grain by asking the cluster itself: an Orleans client on the test side,
/// connected through the silos' loopback gateways, calls the management grain's <c>GetActivationAddress</c>.
/// </summary>
/// <remarks>
/// The platform serves no route that reveals grain placement, and the co-hosted API has no gateway by default; the
/// test cluster opens one on loopback (an existing option) rather than the platform growing a diagnostics route for
/// a test. Killing "the silo the writes go through" instead would not be the same thing: the default placement puts
/// a tenant grain on any silo, so the silo that answers HTTP need not host it.
/// </remarks>
public static class ActivationLocator
{
    /// <summary>The silo port of the silo hosting the tenant's grain, or null when it is not active anywhere.</summary>
    public static async Task<int?> TenantGrainSiloPortAsync(ClusterTopology cluster, string tenantUid, IReadOnlyList<int> gatewayPorts)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        // The grain interfaces' argument types (System.Text.Json nodes among them) need the platform's codecs.
        builder.Services.AddSerializer(serialization => serialization.AddPlatformSerialization());
        builder.UseOrleansClient(client => client
            .UseStaticClustering([.. gatewayPorts.Select(p => new IPEndPoint(IPAddress.Loopback, p))])
            .Configure<ClusterOptions>(o =>
            {
                o.ServiceId = "platform";
                o.ClusterId = cluster.ClusterId;
            }));
        using var host = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await host.StartAsync(timeout.Token);
        try
        {
            var grains = host.Services.GetRequiredService<IClusterClient>();
            var silo = await grains.GetGrain<IManagementGrain>(0).GetActivationAddress(grains.GetGrain<ITenantGrain>(tenantUid));
            return silo?.Endpoint.Port;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }
}
