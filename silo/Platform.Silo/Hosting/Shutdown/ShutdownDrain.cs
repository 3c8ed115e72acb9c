using Microsoft.Extensions.Options;
using Platform.Api.Health;

namespace Platform.Silo.Hosting.Shutdown;

/// <summary>
/// The first step of a graceful stop (SIGTERM, Ctrl+C, or <c>StopAsync</c>): mark the process as draining, so the
/// ready probe answers 503 at once, then keep serving for <see cref="ShutdownOptions.DrainSeconds"/> while load
/// balancers stop routing here. Only then do the hosted services stop (see <see cref="ShutdownExtensions"/> for
/// their order): Kestrel finishes in-flight requests, then the Orleans silo hands off its grains and leaves.
/// </summary>
internal sealed partial class ShutdownDrain(
    DrainState drain,
    IHostApplicationLifetime lifetime,
    IOptions<ShutdownOptions> options,
    TimeProvider time,
    ILogger<ShutdownDrain> logger) : IHostedLifecycleService
{
    private CancellationTokenRegistration _stopping;

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        // SIGTERM raises ApplicationStopping before the host calls StoppingAsync; a programmatic StopAsync raises it
        // after. Either way, whichever comes first starts the drain.
        _stopping = lifetime.ApplicationStopping.Register(() => Begin());
        return Task.CompletedTask;
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        Begin();
        var delay = options.Value.DrainDelay;
        if (delay <= TimeSpan.Zero) return;
        try
        {
            await Task.Delay(delay, time, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The shutdown timeout cut the drain short; stopping goes on.
        }

        LogDrained(logger, options.Value.DrainSeconds);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken)
    {
        _stopping.Dispose();
        return Task.CompletedTask;
    }

    private void Begin()
    {
        if (drain.Begin()) LogDraining(logger, options.Value.DrainSeconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutting down: the ready probe answers 503; serving for {DrainSeconds} s more while load balancers stop routing here.")]
    private static partial void LogDraining(ILogger logger, int drainSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Drain of {DrainSeconds} s over: finishing in-flight requests, then stopping the silo.")]
    private static partial void LogDrained(ILogger logger, int drainSeconds);
}
