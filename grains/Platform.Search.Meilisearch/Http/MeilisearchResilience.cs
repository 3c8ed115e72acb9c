using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Platform.Search.Meilisearch;

/// <summary>
/// The client's resilience pipeline, outermost first: retry (idempotent calls only) → circuit breaker → attempt
/// timeout. The breaker sits inside the retry so every attempt counts towards it and an open circuit stops retries
/// at once (<c>BrokenCircuitException</c> is not transient).
/// </summary>
internal static class MeilisearchResilience
{
    /// <summary>Name of the resilience handler on the typed client.</summary>
    public const string PipelineName = "meilisearch";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, MeilisearchOptions options)
    {
        var resilience = options.Resilience;
        if (resilience.MaxRetryAttempts > 0)
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = resilience.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                Delay = resilience.RetryBaseDelay,
                MaxDelay = resilience.RetryMaxDelay,
                UseJitter = resilience.RetryUseJitter,

                // Meilisearch's 503 says "Retry-After: 10", longer than any search budget: the hint is surfaced on
                // MeilisearchUnavailableException for the platform to pass on, and not slept on here.
                ShouldRetryAfterHeader = false,

                // Document writes and key creation are never repeated: a lost answer does not mean a lost write, and a
                // second POST would enqueue a second task (or a second key). Only calls marked idempotent retry.
                ShouldHandle = args => ValueTask.FromResult(
                    MeilisearchRequestPolicy.IsIdempotent(args.Context.GetRequestMessage())
                    && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
            });
        }

        pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = resilience.CircuitFailureRatio,
            MinimumThroughput = resilience.CircuitMinimumThroughput,
            SamplingDuration = resilience.CircuitSamplingDuration,
            BreakDuration = resilience.CircuitBreakDuration,
        });

        pipeline.AddTimeout(new HttpTimeoutStrategyOptions
        {
            Timeout = options.Timeout,
            TimeoutGenerator = args => ValueTask.FromResult(
                MeilisearchRequestPolicy.AttemptTimeoutOf(args.Context.GetRequestMessage()) ?? options.Timeout),
        });
    }
}
