namespace Platform.Silo.Hosting.Shutdown;

/// <summary>How the process drains on SIGTERM, bound from <c>Platform:Shutdown</c> (docs/operations.md, "Health and draining").</summary>
public sealed class ShutdownOptions
{
    public const string SectionName = "Platform:Shutdown";

    /// <summary>The largest accepted <see cref="DrainSeconds"/>: longer than any load balancer needs to notice.</summary>
    public const int MaxDrainSeconds = 300;

    /// <summary>
    /// How long the process keeps serving after it starts reporting not ready, so load balancers notice and stop
    /// routing to it before it stops listening. Default 5; 0 (tests, development) stops at once.
    /// </summary>
    public int DrainSeconds { get; set; } = 5;

    /// <summary>
    /// What the host gets on top of the drain to finish in-flight requests and stop the silo before it gives up:
    /// <see cref="HostOptions.ShutdownTimeout"/> is <see cref="DrainSeconds"/> plus this. Orchestrators must wait
    /// longer than the sum before they kill the process (Kubernetes: <c>terminationGracePeriodSeconds</c>).
    /// </summary>
    public static readonly TimeSpan StopAllowance = TimeSpan.FromSeconds(30);

    public TimeSpan DrainDelay => TimeSpan.FromSeconds(DrainSeconds);

    public TimeSpan ShutdownTimeout => DrainDelay + StopAllowance;
}
