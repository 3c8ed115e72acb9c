using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Platform.Search.Meilisearch;

/// <summary>Turns a non-success response into the exception the caller should see.</summary>
internal static class MeilisearchErrorReader
{
    public static async Task<Exception> ToExceptionAsync(HttpResponseMessage response, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var error = TryParse(body);
        var retryAfter = RetryAfterOf(response.Headers.RetryAfter, now);
        var status = response.StatusCode;

        // 503 is Meilisearch's "come back later" (too_many_search_requests, Retry-After: 10); 502/504 come from
        // proxies. A 5xx without a Meilisearch body did not come from Meilisearch's handlers either. All of these
        // mean "no answer", which the platform reports as unavailability, not as the caller's fault.
        var unavailable = status is HttpStatusCode.ServiceUnavailable or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout
            || ((int)status >= 500 && error is null)
            || (status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests && error is null);
        if (unavailable)
        {
            return new MeilisearchUnavailableException(
                MeilisearchUnavailableReason.ServerUnavailable,
                error?.Message ?? $"Meilisearch answered {(int)status} ({status}).",
                statusCode: status,
                error: error,
                retryAfter: retryAfter);
        }

        return new MeilisearchApiException(status, error, retryAfter);
    }

    internal static MeilisearchError? TryParse(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("code", out var code) || code.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            return new MeilisearchError(
                message.GetString()!,
                code.GetString()!,
                root.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString()! : "",
                root.TryGetProperty("link", out var link) && link.ValueKind == JsonValueKind.String ? link.GetString() : null);
        }
        catch (JsonException)
        {
            // Not Meilisearch's body (a proxy's HTML page, say): the status alone tells the story.
            return null;
        }
    }

    internal static TimeSpan? RetryAfterOf(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
