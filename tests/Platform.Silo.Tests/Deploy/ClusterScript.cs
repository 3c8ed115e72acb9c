using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Platform.Silo.Tests.Deploy;

/// <summary>
/// deploy/run-cluster.sh running as a child process: what it printed (each silo's URL and pid, Redis's pid), a wait
/// for its <c>cluster ready</c> line, and a SIGTERM stop. Dispose stops it and, should it fail to, what it started.
/// </summary>
public sealed partial class ClusterScript : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<int, string> _started = [];

    private ClusterScript(Process process) => _process = process;

    public int Id => _process.Id;

    public List<(Uri Url, int Pid)> Silos { get; } = [];

    public int RedisPid { get; private set; }

    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    /// <summary>Every process seen under the script so far (silos, Redis, the build), for the checks after it stops.</summary>
    public IReadOnlySet<int> Started
    {
        get
        {
            lock (_started) return new HashSet<int>(_started.Keys);
        }
    }

    public static ClusterScript Start(string script, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(DeployFiles.Path(script))
        {
            WorkingDirectory = DeployFiles.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        foreach (var (name, value) in environment) info.Environment[name] = value;
        var cluster = new ClusterScript(Process.Start(info) ?? throw new InvalidOperationException("the script did not start"));
        cluster._process.OutputDataReceived += (_, e) => cluster.OnLine(e.Data);
        cluster._process.ErrorDataReceived += (_, e) => cluster.OnLine(e.Data);
        cluster._process.EnableRaisingEvents = true;
        cluster._process.Exited += (_, _) => cluster._ready.TrySetException(new InvalidOperationException("the script exited"));
        cluster._process.BeginOutputReadLine();
        cluster._process.BeginErrorReadLine();
        return cluster;
    }

    /// <summary>Waits for <c>cluster ready</c>, remembering every descendant seen meanwhile.</summary>
    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!_ready.Task.IsCompleted && DateTime.UtcNow < deadline)
        {
            Remember();
            await Task.WhenAny(_ready.Task, Task.Delay(500));
        }

        Remember();
        Assert.False(_ready.Task.IsFaulted, $"the script exited before the cluster was ready:\n{Output}");
        Assert.True(_ready.Task.IsCompletedSuccessfully, $"the cluster did not get ready within {timeout}:\n{Output}");
    }

    /// <summary>SIGTERM, as Ctrl+C's TERM counterpart, and waits for the script to exit.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        Remember();
        ProcessTable.Terminate(_process.Id);
        using var cancellation = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancellation.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                await StopAsync(TimeSpan.FromSeconds(90));
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        // Whatever the script failed to stop (a failing test) is ended here, by pid, and only while the pid still runs
        // the command line it had under the script (never a process that reused the number).
        foreach (var (pid, commandLine) in Snapshot())
        {
            if (!ProcessTable.IsRunning(pid) || ProcessTable.CommandLine(pid) != commandLine) continue;
            try
            {
                using var leftover = Process.GetProcessById(pid);
                leftover.Kill();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // exited meanwhile
            }
        }

        _process.Dispose();
    }

    private void Remember()
    {
        if (_process.HasExited) return;
        foreach (var pid in ProcessTable.Descendants(_process.Id))
        {
            var commandLine = ProcessTable.CommandLine(pid);
            lock (_started) _started[pid] = commandLine;
        }
    }

    private KeyValuePair<int, string>[] Snapshot()
    {
        lock (_started) return [.. _started];
    }

    private void OnLine(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        if (SiloLine().Match(line) is { Success: true } silo)
        {
            lock (Silos) Silos.Add((new Uri(silo.Groups["url"].Value), Pid(silo)));
        }
        else if (RedisLine().Match(line) is { Success: true } redis)
        {
            RedisPid = Pid(redis);
        }
        else if (line.StartsWith("cluster ready:", StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }
    }

    private static int Pid(Match match) => int.Parse(match.Groups["pid"].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^silo \d+: (?<url>http://\S+) pid (?<pid>\d+)")]
    private static partial Regex SiloLine();

    [GeneratedRegex(@"^redis: \S+ pid (?<pid>\d+)")]
    private static partial Regex RedisLine();
}
