using System.Diagnostics;
using Platform.Silo.Tests.Infrastructure;

namespace Platform.Silo.Tests.Hosting;

/// <summary>
/// The README's walkthrough, run as written (curl commands in bash) against the real host started the way the run
/// command starts it (embedded defaults, no master key configured, data in ./.platform-data of the working folder).
/// Keeps the README honest.
/// </summary>
public sealed class ReadmeWalkthroughTests
{
    [Fact]
    public async Task The_walkthrough_runs_as_written()
    {
        using var folder = new TestData();
        var script = Walkthrough();
        await using var host = PlatformProcess.StartIn(folder.Path, RestartDurabilityTests.SiloPorts());
        // A generous outer bound: start-up takes 2-3 s alone, far longer while CI runs the other test projects.
        await host.WaitHealthyAsync(TimeSpan.FromSeconds(60));

        var output = await RunBash(script.Replace("localhost:7700", $"localhost:{host.Address.Port}", StringComparison.Ordinal), folder.Path);

        Assert.Contains("""{"status":"available"}""", output, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"succeeded\",\"type\":\"documentAdditionOrUpdate\"", output, StringComparison.Ordinal);
        Assert.Contains("\"query\":\"runing\"", output, StringComparison.Ordinal);
        Assert.Contains("Trail running shoe", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\"code\":", output, StringComparison.Ordinal);

        // The last search used the minted token: only Ridge's shoe.
        var last = output.TrimEnd().Split('\n')[^1];
        Assert.Contains("Trail running shoe", last, StringComparison.Ordinal);
        Assert.DoesNotContain("Road running shoe", last, StringComparison.Ordinal);
    }

    private static string Walkthrough()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Platform.sln"))) root = Path.GetDirectoryName(root)!;
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        var start = readme.IndexOf("```sh", readme.IndexOf("## Walkthrough", StringComparison.Ordinal), StringComparison.Ordinal) + 5;
        var end = readme.IndexOf("```", start, StringComparison.Ordinal);
        // One answer per line, so each can be read on its own.
        return string.Join('\n', readme[start..end].Split('\n').Select(line => line.StartsWith("curl ", StringComparison.Ordinal) ? "echo; " + line : line));
    }

    private static async Task<string> RunBash(string script, string workingDirectory)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        using var bash = Process.Start(info)!;
        await bash.StandardInput.WriteAsync(script);
        bash.StandardInput.Close();
        var output = await bash.StandardOutput.ReadToEndAsync();
        var errors = await bash.StandardError.ReadToEndAsync();
        await bash.WaitForExitAsync();
        Assert.True(bash.ExitCode == 0, $"the walkthrough failed ({bash.ExitCode}): {errors}\n{output}");
        return output;
    }
}
