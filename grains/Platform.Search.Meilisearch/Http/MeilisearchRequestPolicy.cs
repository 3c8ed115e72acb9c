namespace Platform.Search.Meilisearch;

/// <summary>
/// Per-request facts the resilience pipeline reads from <see cref="HttpRequestMessage.Options"/>: whether the call may
/// be retried, and its attempt timeout. Set by <see cref="MeilisearchClient"/> on every request.
/// </summary>
internal static class MeilisearchRequestPolicy
{
    /// <summary>True when sending the request twice has the same effect as once (reads, searches, fetch).</summary>
    public static readonly HttpRequestOptionsKey<bool> Idempotent = new("Platform.Meilisearch.Idempotent");

    /// <summary>The timeout of one attempt (search calls get a shorter one).</summary>
    public static readonly HttpRequestOptionsKey<TimeSpan> AttemptTimeout = new("Platform.Meilisearch.AttemptTimeout");

    public static bool IsIdempotent(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(Idempotent, out var idempotent) && idempotent;

    public static TimeSpan? AttemptTimeoutOf(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(AttemptTimeout, out var timeout) ? timeout : null;
}
