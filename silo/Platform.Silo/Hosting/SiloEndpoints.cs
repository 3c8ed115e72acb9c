using System.Net;
using Orleans.Configuration;

namespace Platform.Silo.Hosting;

/// <summary>
/// Where the silo's own ports listen. Orleans' silo and gateway ports carry grain calls with no authentication at
/// all, so they listen on the advertised address only (loopback by default), never on every interface, and the
/// gateway, which nothing in the platform uses (the REST API is co-hosted), is off unless an operator sets a port.
/// See docs/security.md ("Ports and network").
/// </summary>
public static class SiloEndpoints
{
    /// <summary>The value of <c>Platform:Cluster:GatewayPort</c> that keeps the gateway closed.</summary>
    public const int GatewayDisabled = 0;

    /// <summary>
    /// The address the silo (and gateway) port listens on: the advertised address in cluster mode, loopback for the
    /// single silo of localhost clustering.
    /// </summary>
    public static IPAddress ListeningAddress(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Cluster.Redis is null ? IPAddress.Loopback : IPAddress.Parse(options.Cluster.AdvertisedAddress);
    }

    public static ISiloBuilder BindEndpoints(this ISiloBuilder silo, IPAddress address, int siloPort, int gatewayPort)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(address);
        // Registered after UseLocalhostClustering's own endpoint settings, so these win.
        return silo.Configure<EndpointOptions>(o =>
        {
            o.AdvertisedIPAddress = address;
            o.SiloPort = siloPort;
            o.GatewayPort = gatewayPort;
            o.SiloListeningEndpoint = new IPEndPoint(address, siloPort);
            o.GatewayListeningEndpoint = gatewayPort == GatewayDisabled ? null : new IPEndPoint(address, gatewayPort);
        });
    }
}
