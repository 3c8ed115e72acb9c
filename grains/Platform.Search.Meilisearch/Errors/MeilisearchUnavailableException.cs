using System.Net;

namespace Platform.Search.Meilisearch;

/// <summary>
/// Meilisearch could not be reached or is overloaded: transport failure, timeout, open circuit, or a 503 (e.g.
/// <c>too_many_search_requests</c>). Distinct from <see cref="MeilisearchApiException"/> because the platform answers
/// these with its own "unavailable" error instead of passing them through. For a non-idempotent call (a document
/// write, a key creation) the outcome is unknown: the request may have been applied.
/// </summary>
internal sealed class MeilisearchUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MeilisearchUnavailableException(
        MeilisearchUnavailableReason reason,
        string message,
        Exception? innerException = null,
        HttpStatusCode? statusCode = null,
        MeilisearchError? error = null,
        TimeSpan? retryAfter = null)
        : base(message, innerException)
    {
        Reason = reason;
        StatusCode = statusCode;
        Error = error;
        RetryAfter = retryAfter;
    }

    /// <summary>Why no answer was had.</summary>
    public MeilisearchUnavailableReason Reason { get; }

    /// <summary>The HTTP status when the server answered (503, 502, 504…); null for transport, timeout and circuit failures.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Meilisearch's error body when the 5xx carried one (e.g. <c>too_many_search_requests</c>).</summary>
    public MeilisearchError? Error { get; }

    /// <summary>When to try again: the response's <c>Retry-After</c> (Meilisearch sends 10 s on 503), when present.</summary>
    public TimeSpan? RetryAfter { get; }
}
