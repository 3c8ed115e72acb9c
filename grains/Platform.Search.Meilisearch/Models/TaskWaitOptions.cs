namespace Platform.Search.Meilisearch;

/// <summary>How <see cref="MeilisearchClient.WaitForTaskAsync"/> polls: capped exponential backoff, with an overall limit.</summary>
internal sealed record TaskWaitOptions
{
    /// <summary>The defaults: 50 ms doubling up to 1 s, for at most 5 minutes.</summary>
    public static TaskWaitOptions Default { get; } = new();

    /// <summary>Delay before the second poll (the first is immediate). Default 50 ms.</summary>
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Cap on one delay. Default 1 second.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Give up (with <see cref="TimeoutException"/>) after this long; null waits until cancelled. Default 5 minutes.</summary>
    public TimeSpan? Timeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The delay after the <paramref name="poll"/>-th poll (0-based): <c>min(InitialDelay · 2^poll, MaxDelay)</c>.</summary>
    public TimeSpan DelayAfter(int poll)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(poll);

        // Doubling past 2^30 would overflow the ticks long before it matters; the cap has been reached by then anyway.
        var factor = Math.Pow(2, Math.Min(poll, 30));
        var ticks = InitialDelay.Ticks * factor;
        return ticks >= MaxDelay.Ticks ? MaxDelay : TimeSpan.FromTicks((long)ticks);
    }
}
