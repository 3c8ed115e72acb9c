namespace Platform.Silo.Hosting.Refusals;

/// <summary>
/// A reason not to start, said in one line for the operator. <see cref="StartupRefusals.Run"/> prints
/// <see cref="Exception.Message"/> on stderr and exits with <see cref="ExitCode"/>, without a stack trace: the
/// message is the whole story (docs/operations.md, "Start-up refusals").
/// </summary>
public sealed class StartupRefusal : Exception
{
    /// <summary>The configuration is wrong or unsafe: fix a setting.</summary>
    public const int BadConfiguration = 1;

    /// <summary>The configuration is fine but something else holds what it names (a data folder, a port).</summary>
    public const int EnvironmentConflict = 2;

    public StartupRefusal()
    {
    }

    public StartupRefusal(string message)
        : this(message, BadConfiguration)
    {
    }

    public StartupRefusal(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    private StartupRefusal(string message, int exitCode)
        : base(message) => ExitCode = exitCode;

    public int ExitCode { get; } = BadConfiguration;

    public static StartupRefusal Misconfigured(string message) => new(message, BadConfiguration);

    public static StartupRefusal Conflict(string message) => new(message, EnvironmentConflict);
}
