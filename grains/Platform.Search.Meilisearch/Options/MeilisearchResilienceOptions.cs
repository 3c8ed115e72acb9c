namespace Platform.Search.Meilisearch;

/// <summary>
/// Retry and circuit-breaker settings of the Meilisearch client (section
/// <c>Platform:Search:Meilisearch:Resilience</c>). Retries apply to idempotent calls only; the circuit breaker to all.
/// </summary>
public sealed class MeilisearchResilienceOptions
{
    /// <summary>Retries after the first attempt of an idempotent call. 0 disables retries. Default 3.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>Delay before the first retry; doubles on each further retry. Default 200 ms.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Cap on a single retry delay. Default 2 seconds.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Whether retry delays are jittered, so many gateways do not retry in lock-step. Default true.</summary>
    public bool RetryUseJitter { get; set; } = true;

    /// <summary>Failure ratio (0–1] within <see cref="CircuitSamplingDuration"/> that opens the circuit. Default 0.5.</summary>
    public double CircuitFailureRatio { get; set; } = 0.5;

    /// <summary>Calls needed in the sampling window before the circuit may open (at least 2). Default 20.</summary>
    public int CircuitMinimumThroughput { get; set; } = 20;

    /// <summary>Window over which failures are counted (at least 500 ms). Default 30 seconds.</summary>
    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit fails calls before letting a probe through (at least 500 ms). Default 15 seconds.</summary>
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}
