using Platform.Silo.Tests.Infrastructure;

namespace Platform.Silo.Tests.Cluster;

/// <summary>
/// One silo of the test cluster: its ports and data folder stay the same across restarts, so a restarted silo comes
/// back at the same HTTP address and silo endpoint (with a new Orleans generation).
/// </summary>
public sealed class SiloSlot(int index, IReadOnlyList<string> arguments, int httpPort, int siloPort) : IAsyncDisposable
{
    public int Index { get; } = index;

    public int SiloPort { get; } = siloPort;

    public Uri Address { get; } = new($"http://127.0.0.1:{httpPort}");

    /// <summary>The running process, or null before the first start.</summary>
    public PlatformProcess? Process { get; private set; }

    public string Name => $"silo{Index}";

    /// <summary>Starts the host (again) with the same arguments; does not wait.</summary>
    public PlatformProcess Start()
    {
        if (Process is { HasExited: false }) throw new InvalidOperationException($"{Name} is still running.");
        Process = PlatformProcess.StartOn(httpPort, [.. arguments]);
        return Process;
    }

    public async ValueTask DisposeAsync()
    {
        if (Process is not null) await Process.DisposeAsync();
    }

    public override string ToString() => Name;
}
