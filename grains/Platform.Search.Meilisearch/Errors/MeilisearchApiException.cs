using System.Net;

namespace Platform.Search.Meilisearch;

/// <summary>
/// Meilisearch answered with an error status and (normally) its error body: the request reached Meilisearch and was
/// refused or failed there. Client-caused errors (4xx) are safe to pass back to the caller unchanged.
/// </summary>
internal sealed class MeilisearchApiException : Exception
{
    /// <summary>Creates the exception for <paramref name="statusCode"/> and the parsed <paramref name="error"/>.</summary>
    public MeilisearchApiException(HttpStatusCode statusCode, MeilisearchError? error, TimeSpan? retryAfter = null)
        : base(error?.Message ?? $"Meilisearch answered {(int)statusCode} without an error body.")
    {
        StatusCode = statusCode;
        Error = error;
        RetryAfter = retryAfter;
    }

    /// <summary>The HTTP status Meilisearch answered with.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The error body; null when the response carried none (e.g. a proxy's error page).</summary>
    public MeilisearchError? Error { get; }

    /// <summary>Meilisearch's <c>code</c>, e.g. <c>index_not_found</c>; null without an error body.</summary>
    public string? Code => Error?.Code;

    /// <summary>Meilisearch's <c>type</c>: <c>invalid_request</c>, <c>auth</c>, <c>internal</c> or <c>system</c>.</summary>
    public string? ErrorType => Error?.Type;

    /// <summary>Meilisearch's documentation <c>link</c> for the code.</summary>
    public string? Link => Error?.Link;

    /// <summary>The <c>Retry-After</c> header, when present.</summary>
    public TimeSpan? RetryAfter { get; }
}
