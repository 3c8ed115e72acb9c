using System.Diagnostics;
using Platform.Silo.Tests.Infrastructure;

namespace Platform.Silo.Tests.Deploy;

/// <summary>
/// The Meilisearch stand-in (tests/Platform.Meilisearch.StandIn, a test fixture) as its own process on a free
/// loopback port, its master key from the environment as Meilisearch takes it; killed on dispose.
/// </summary>
public sealed class StandInProcess : IAsyncDisposable
{
    private const string ReadyLine = "Meilisearch stand-in listening on ";
    private readonly Process _process;

    private StandInProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }

    public int Id => _process.Id;

    /// <summary>The stand-in's build beside this test project's (same configuration).</summary>
    public static string Assembly
    {
        get
        {
            // AppContext.BaseDirectory is tests/Platform.Silo.Tests/bin/{Configuration}/net10.0/.
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
            return DeployFiles.Path($"tests/Platform.Meilisearch.StandIn/bin/{output.Parent!.Name}/{output.Name}/Platform.Meilisearch.StandIn.dll");
        }
    }

    public static async Task<StandInProcess> StartAsync(string masterKey, TimeSpan timeout)
    {
        Assert.True(File.Exists(Assembly), $"the Meilisearch stand-in is not built at {Assembly}");
        var url = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Assembly);
        info.ArgumentList.Add("--url");
        info.ArgumentList.Add(url.ToString().TrimEnd('/'));
        info.Environment["MEILI_MASTER_KEY"] = masterKey;
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Text.StringBuilder();
        void OnLine(string? line)
        {
            if (line is null) return;
            lock (output) output.AppendLine(line);
            if (line.Contains(ReadyLine, StringComparison.Ordinal)) ready.TrySetResult();
        }

        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"the stand-in exited:\n{output}"));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var standIn = new StandInProcess(process, url);
        try
        {
            await ready.Task.WaitAsync(timeout);
            return standIn;
        }
        catch
        {
            await standIn.DisposeAsync();
            throw;
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
}
