using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Platform.Search.Errors;

namespace Platform.Api.Errors;

/// <summary>
/// Writes an <see cref="ErrorView"/> in Meilisearch's field order: message, code, type, link. The writer keeps
/// System.Text.Json's default escaping (backticks and non-ASCII as <c>\uXXXX</c>), as error bodies always had:
/// clients decode both spellings alike, and byte-compared bodies stay as they were.
/// </summary>
internal static class ErrorWriter
{
    public static async Task WriteAsync(HttpContext context, string code, string message, int? retryAfterSeconds = null, int? statusOverride = null)
    {
        var error = ErrorView.From(code, message);
        var response = context.Response;
        response.StatusCode = statusOverride ?? ErrorCatalog.Describe(code).Status;
        response.ContentType = "application/json";
        if (retryAfterSeconds is { } seconds)
        {
            response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await using var writer = new Utf8JsonWriter(response.Body);
        writer.WriteStartObject();
        writer.WriteString("message", error.Message);
        writer.WriteString("code", error.Code);
        writer.WriteString("type", error.Type);
        writer.WriteString("link", error.Link);
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }
}
