using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Platform.Silo.Tests.Infrastructure;

/// <summary>
/// The real host as a child process (<c>dotnet Platform.Silo.dll</c>), for what an in-process host cannot show:
/// surviving SIGKILL, several silos forming one cluster, start-up refusals.
/// </summary>
public sealed class PlatformProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private PlatformProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) =>
        {
            Append(e.Data);
            if (e.Data is not null) lock (_error) _error.AppendLine(e.Data);
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    /// <summary>The operating system's id of the host process (for <see cref="ListeningSockets"/>).</summary>
    public int Id => _process.Id;

    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    /// <summary>What the process wrote on stderr alone (a start-up refusal is one line there).</summary>
    public string Error
    {
        get
        {
            lock (_error) return _error.ToString();
        }
    }

    public static string SiloAssembly => Path.Combine(AppContext.BaseDirectory, "Platform.Silo.dll");

    /// <summary>Starts the host with these <c>--key=value</c> arguments and a free HTTP port; does not wait.</summary>
    public static PlatformProcess Start(params string[] args) => StartIn(AppContext.BaseDirectory, args);

    /// <summary>Starts the host in <paramref name="workingDirectory"/> (relative data paths resolve there).</summary>
    public static PlatformProcess StartIn(string workingDirectory, params string[] args) =>
        Launch(workingDirectory, FreePort.Next(), new Dictionary<string, string>(), args);

    /// <summary>Starts the host listening on <paramref name="port"/> (a restart keeps the silo's address).</summary>
    public static PlatformProcess StartOn(int port, params string[] args) =>
        Launch(AppContext.BaseDirectory, port, new Dictionary<string, string>(), args);

    /// <summary>Starts the host with these environment variables added (e.g. <c>Platform__X</c> settings).</summary>
    public static PlatformProcess StartWith(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        Launch(workingDirectory, FreePort.Next(), environment, args);

    private static PlatformProcess Launch(string workingDirectory, int port, IReadOnlyDictionary<string, string> environment, string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        info.ArgumentList.Add(SiloAssembly);
        info.ArgumentList.Add($"--Platform:Listen=http://127.0.0.1:{port}");
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment.Remove("PLATFORM_MASTER_KEY");
        foreach (var (name, value) in environment) info.Environment[name] = value;
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        return new PlatformProcess(process, new Uri($"http://127.0.0.1:{port}"));
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Polls <c>/health</c> until it answers (the process start is the thing being waited for).</summary>
    public Task WaitHealthyAsync(TimeSpan? timeout = null) => WaitAnsweringAsync("/health", timeout);

    /// <summary>Polls the readiness probe until it answers 200: an active cluster member whose storage and engine answer.</summary>
    public Task WaitReadyAsync(TimeSpan? timeout = null) => WaitAnsweringAsync("/health/ready", timeout);

    private async Task WaitAnsweringAsync(string path, TimeSpan? timeout)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The host exited with {_process.ExitCode}:\n{Output}");
            try
            {
                using var response = await http.GetAsync(path);
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // slow start
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The host did not answer {path} within the timeout.\n{Output}");
    }

    /// <summary>SIGTERM (through <c>kill</c>): what orchestrators send to stop a process gracefully; it drains, then exits.</summary>
    public async Task TerminateAsync()
    {
        if (_process.HasExited) return;
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("kill did not start");
        await kill.WaitForExitAsync();
        if (kill.ExitCode != 0) throw new InvalidOperationException($"kill -TERM {_process.Id} exited with {kill.ExitCode}");
    }

    /// <summary>Waits for the process to exit by itself and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush, like a crash.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }
}
