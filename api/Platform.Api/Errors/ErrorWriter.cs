using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Platform.Search.Errors;

namespace Platform.Api.Errors;

/// <summary>Writes an error body in Meilisearch's field order: message, code, type, link.</summary>
internal static class ErrorWriter
{
    public static async Task WriteAsync(HttpContext context, string code, string message, int? retryAfterSeconds = null, int? statusOverride = null)
    {
        var (status, type) = ErrorCatalog.Describe(code);
        var response = context.Response;
        response.StatusCode = statusOverride ?? status;
        response.ContentType = "application/json";
        if (retryAfterSeconds is { } seconds)
        {
            response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await using var writer = new Utf8JsonWriter(response.Body);
        writer.WriteStartObject();
        writer.WriteString("message", message);
        writer.WriteString("code", code);
        writer.WriteString("type", type);
        writer.WriteString("link", ErrorCatalog.Link(code));
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }
}
