using System.Net;
using System.Net.Sockets;
using Platform.Silo.Tests.Infrastructure;

namespace Platform.Silo.Tests.Deploy;

/// <summary>Consecutive free loopback ports (the cluster script numbers its silos' ports from a base port).</summary>
public static class PortRange
{
    public static int FreeBase(int count)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var first = FreePort.Next();
            if (first + count <= IPEndPoint.MaxPort && Enumerable.Range(first, count).All(IsFree)) return first;
        }

        throw new InvalidOperationException($"no {count} consecutive free ports found");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
