using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Platform.Silo.Tests.Infrastructure;

/// <summary>
/// A plain external Orleans client, as an attacker who reaches a silo's ports would write it: static clustering
/// pointed at one endpoint, the platform's default service and cluster ids, no retries.
/// </summary>
public static class GrainClient
{
    /// <summary>Starts a client host connected to <paramref name="gateway"/>; throws when it cannot connect.</summary>
    public static async Task<IHost> ConnectAsync(IPEndPoint gateway, CancellationToken cancellation)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client => client
            .UseStaticClustering(gateway)
            .Configure<ClusterOptions>(o =>
            {
                o.ServiceId = "platform";
                o.ClusterId = "platform";
            })
            .UseConnectionRetryFilter((_, _) => Task.FromResult(false)));
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellation);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }
}
