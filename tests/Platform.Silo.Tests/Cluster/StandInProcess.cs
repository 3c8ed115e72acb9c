using System.Diagnostics;
using System.Text;
using Platform.Silo.Tests.Infrastructure;

namespace Platform.Silo.Tests.Cluster;

/// <summary>
/// The Meilisearch stand-in (tests/Platform.Meilisearch.StandIn) as its own process on a free loopback port, the
/// master key passed through <c>MEILI_MASTER_KEY</c> as the real Meilisearch takes it.
/// </summary>
public sealed class StandInProcess : IAsyncDisposable
{
    private const string ReadyLine = "Meilisearch stand-in listening on";
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private StandInProcess(Process process, Uri url, string masterKey)
    {
        _process = process;
        Url = url;
        MasterKey = masterKey;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri Url { get; }

    public string MasterKey { get; }

    public static async Task<StandInProcess> StartAsync(string masterKey, string dataFolder)
    {
        var port = FreePort.Next();
        var url = new Uri($"http://127.0.0.1:{port}");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Platform.Meilisearch.StandIn.dll"), "--url", url.AbsoluteUri.TrimEnd('/'), "--data", dataFolder })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["MEILI_MASTER_KEY"] = masterKey;
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var standIn = new StandInProcess(process, url, masterKey);
        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(standIn._listening.Task, exited, Task.Delay(TimeSpan.FromSeconds(60)));
        if (first != standIn._listening.Task)
        {
            await standIn.DisposeAsync();
            throw new InvalidOperationException($"The Meilisearch stand-in did not start listening:\n{standIn.Output}");
        }

        return standIn;
    }

    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        if (line.StartsWith(ReadyLine, StringComparison.Ordinal)) _listening.TrySetResult();
    }
}
