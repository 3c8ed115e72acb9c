using System.Net;
using System.Net.Sockets;

namespace Platform.Silo.Tests.Infrastructure;

/// <summary>Asks the kernel for an unused loopback port (tests never use fixed ports).</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
