using Platform.Search.Meilisearch.Engine;

namespace Platform.Silo.Hosting;

/// <summary>
/// At start-up, ensures the platform's own search-only Meilisearch key (and so the backend token signer) exists.
/// It does not hold the start back: with Meilisearch down the silo still starts, searches answer 503, and the key is
/// ensured again on the first search once Meilisearch is back.
/// </summary>
internal sealed partial class MeilisearchKeyWarmup(MeilisearchSearchEngine engine, ILogger<MeilisearchKeyWarmup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await engine.InitializeAsync(stoppingToken);
            LogReady(logger);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogDeferred(logger, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Meilisearch search key ensured; backend tenant tokens can be signed.")]
    private static partial void LogReady(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not ensure the Meilisearch search key at start-up ({Reason}); it will be retried on the first search.")]
    private static partial void LogDeferred(ILogger logger, string reason);
}
