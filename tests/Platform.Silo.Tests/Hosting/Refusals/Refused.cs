using Platform.Silo.Tests.Infrastructure;

namespace Platform.Silo.Tests.Hosting.Refusals;

/// <summary>What every start-up refusal looks like from outside: its exit code, one line on stderr, no stack trace.</summary>
internal static class Refused
{
    public const string Prefix = "Refusing to start: ";

    private static readonly TimeSpan ExitBudget = TimeSpan.FromSeconds(60);

    /// <summary>Waits for the process to give up and returns its single stderr line.</summary>
    public static async Task<string> LineAsync(PlatformProcess process, int exitCode)
    {
        Assert.Equal(exitCode, await process.WaitForExitAsync(ExitBudget));
        var line = Assert.Single(process.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.DoesNotContain("   at ", process.Output, StringComparison.Ordinal);
        Assert.StartsWith(Prefix, line, StringComparison.Ordinal);
        return line;
    }

    public static async Task WithAsync(PlatformProcess process, int exitCode, string message) =>
        Assert.Equal(Prefix + message, await LineAsync(process, exitCode));
}
