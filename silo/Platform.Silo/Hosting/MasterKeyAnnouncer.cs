namespace Platform.Silo.Hosting;

/// <summary>Tells a developer where the generated master key is (never the key itself).</summary>
internal sealed partial class MasterKeyAnnouncer(string path, ILogger<MasterKeyAnnouncer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogLocation(logger, path);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Development mode: no master key configured, using the generated one stored at {Path}. Set Platform:MasterKey (PLATFORM_MASTER_KEY) in production.")]
    private static partial void LogLocation(ILogger logger, string path);
}
