using System.Globalization;
using System.Net;

namespace Platform.Silo.Tests.Infrastructure;

/// <summary>
/// The TCP endpoints a process listens on, read from Linux's <c>/proc</c>: the socket inodes among its open file
/// descriptors, matched against the LISTEN rows of <c>/proc/{pid}/net/tcp</c> and <c>tcp6</c>.
/// </summary>
public static class ListeningSockets
{
    private const string ListenState = "0A";

    public static IReadOnlyList<IPEndPoint> Of(int processId)
    {
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fd in Directory.EnumerateFileSystemEntries($"/proc/{processId}/fd"))
        {
            var target = new FileInfo(fd).LinkTarget;
            if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal)) inodes.Add(target[8..^1]);
        }

        var endpoints = new List<IPEndPoint>();
        foreach (var table in new[] { "tcp", "tcp6" })
        {
            foreach (var line in File.ReadLines($"/proc/{processId}/net/{table}").Skip(1))
            {
                // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode …
                var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (columns[3] == ListenState && inodes.Contains(columns[9])) endpoints.Add(Parse(columns[1]));
            }
        }

        return endpoints;
    }

    /// <summary><c>0100007F:2B67</c>: the address as the kernel stores it (32-bit words in host order), the port in hex.</summary>
    private static IPEndPoint Parse(string hex)
    {
        var parts = hex.Split(':');
        var raw = Convert.FromHexString(parts[0]);
        for (var word = 0; word < raw.Length; word += 4) Array.Reverse(raw, word, 4);
        return new IPEndPoint(new IPAddress(raw), int.Parse(parts[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
    }
}
