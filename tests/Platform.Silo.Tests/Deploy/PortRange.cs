using System.Net;
using System.Net.Sockets;

namespace Platform.Silo.Tests.Deploy;

/// <summary>
/// Consecutive free loopback ports (the cluster script numbers its silos' ports from a base port), chosen below
/// Linux's ephemeral range (32768 and up): the script builds the host before it binds them, and ports from that range
/// are meanwhile handed out to outgoing connections and to other tests' <c>FreePort</c> listeners.
/// </summary>
public static class PortRange
{
    private const int Lowest = 20000;
    private const int EphemeralStart = 32768;

    public static int FreeBase(int count)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var first = Random.Shared.Next(Lowest, EphemeralStart - count);
            if (Enumerable.Range(first, count).All(IsFree)) return first;
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
