using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace Platform.Silo.Tests.Infrastructure;

/// <summary>
/// A real <c>redis-server</c> on a free loopback port, stopped by PID on dispose. By default without persistence;
/// <see cref="StartPersistentAsync"/> runs it with AOF in its own folder, so it can be killed and started again on the
/// same port and folder with its data. The test scripts install Redis; a machine without it fails these tests rather
/// than skipping them.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly string? _directory;
    private Process _process;

    private RedisServer(Process process, int port, string? directory)
    {
        _process = process;
        Port = port;
        _directory = directory;
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>The operating system's id of the current <c>redis-server</c> process.</summary>
    public int Pid => _process.Id;

    /// <summary>Redis without persistence: a restart loses everything (the old behaviour of the cluster tests).</summary>
    public static Task<RedisServer> StartAsync() => StartAsync(directory: null);

    /// <summary>
    /// Redis with AOF in <paramref name="directory"/>, fsynced on every write (<c>appendfsync always</c>), so even a
    /// SIGKILL loses nothing Redis acknowledged.
    /// </summary>
    public static Task<RedisServer> StartPersistentAsync(string directory)
    {
        Directory.CreateDirectory(directory);
        return StartAsync(directory);
    }

    private static async Task<RedisServer> StartAsync(string? directory)
    {
        var port = FreePort.Next();
        var server = new RedisServer(Launch(port, directory), port, directory);
        await server.WaitListeningAsync();
        return server;
    }

    /// <summary>SIGKILL, like a crash: Redis writes nothing more.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>Starts Redis again on the same port and folder (after <see cref="KillAsync"/>).</summary>
    public async Task RestartAsync()
    {
        await KillAsync();
        _process.Dispose();
        _process = Launch(Port, _directory);
        await WaitListeningAsync();
    }

    private static Process Launch(int port, string? directory)
    {
        var executable = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("redis-server is not installed; run the README's test command, which installs it.");
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] persistence = directory is null
            ? ["--save", "", "--appendonly", "no"]
            : ["--dir", directory, "--save", "", "--appendonly", "yes", "--appendfsync", "always"];
        foreach (var arg in (string[])["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
                     .. persistence, "--protected-mode", "yes"])
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("redis-server did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitListeningAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"redis-server exited with {_process.ExitCode}");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new TimeoutException("redis-server did not start listening");
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
