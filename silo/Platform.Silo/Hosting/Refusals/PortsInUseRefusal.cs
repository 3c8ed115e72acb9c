using System.Net;
using System.Net.Sockets;

namespace Platform.Silo.Hosting.Refusals;

/// <summary>
/// Refuses to start when a port this process would listen on is taken: the silo port, the gateway port (when on)
/// and the HTTP port. Orleans' listener sets SO_REUSEADDR, which .NET on Linux turns into SO_REUSEPORT as well, so a
/// second silo on a running silo's port does not fail: both listen, the kernel splits connections between them, and
/// the running silo is declared dead by its clone. Kestrel would fail on its port, but only after the silo joined.
/// </summary>
/// <remarks>
/// The probe binds a plain socket, with no reuse option set by us. .NET on Linux sets SO_REUSEADDR on every TCP
/// bind (so a port whose old connections sit in TIME_WAIT after a crash or SIGKILL still counts as free, and a
/// restart is not refused), but never SO_REUSEPORT, and the kernel lets a bind share a port with a listening socket
/// only when both set SO_REUSEPORT: the bind fails exactly when something listens there. The probe closes before
/// the real listeners open, so a process that takes the port in between is not caught; this is a guard against
/// operator mistakes (a second silo, a copied command line), not a lock.
/// </remarks>
internal static class PortsInUseRefusal
{
    private const string ClusterSection = PlatformOptions.SectionName + ":Cluster";

    public static void ThrowIfAnyInUse(PlatformOptions options)
    {
        var cluster = options.Cluster;
        var siloAddress = SiloEndpoints.ListeningAddress(options);
        var taken = new List<string>();
        if (InUse(siloAddress, cluster.SiloPort)) taken.Add($"{ClusterSection}:{nameof(cluster.SiloPort)} {Format(siloAddress, cluster.SiloPort)}");
        if (cluster.GatewayPort != SiloEndpoints.GatewayDisabled && InUse(siloAddress, cluster.GatewayPort))
        {
            taken.Add($"{ClusterSection}:{nameof(cluster.GatewayPort)} {Format(siloAddress, cluster.GatewayPort)}");
        }

        // Port 0 asks the OS for a free port: nothing to check.
        if (Uri.TryCreate(options.Listen, UriKind.Absolute, out var listen) && listen.Port != 0 && InUse(HttpAddress(listen), listen.Port))
        {
            taken.Add($"{PlatformOptions.SectionName}:{nameof(options.Listen)} {options.Listen}");
        }

        if (taken.Count == 0) return;
        throw StartupRefusal.Conflict(
            $"{string.Join(", ", taken)}: {(taken.Count == 1 ? "port" : "ports")} already in use by another process "
            + "(a second silo on a running silo's port would join as its clone and make it stop). "
            + "Stop that process, or choose free ports.");
    }

    private static bool InUse(IPAddress address, int port)
    {
        using var probe = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            probe.Bind(new IPEndPoint(address, port));
            probe.Listen();
            return false;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return true;
        }
    }

    /// <summary>The address Kestrel binds for this URL: an IP as written, loopback for <c>localhost</c>, every interface for any other name.</summary>
    private static IPAddress HttpAddress(Uri listen) =>
        IPAddress.TryParse(listen.Host.Trim('[', ']'), out var address) ? address
        : listen.IsLoopback ? IPAddress.Loopback
        : IPAddress.Any;

    private static string Format(IPAddress address, int port) => new IPEndPoint(address, port).ToString();
}
