using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Platform.Api.Errors;
using Platform.Search.Errors;

namespace Platform.Api.Json;

/// <summary>
/// Reads a JSON request body the way Meilisearch does: a <c>Content-Type</c> of <c>application/json</c> is required
/// (415 otherwise), unparseable JSON (and duplicate keys, invalid text: <see cref="JsonText"/>) is 400 <c>malformed_payload</c>. Bodies are read only after authentication,
/// so an unauthenticated caller learns nothing from body validation.
/// </summary>
internal static class JsonBody
{
    private const string Accepted = "Accepted values for the Content-Type header are: `application/json`";

    public static async Task<JsonElement> ReadAsync(HttpRequest request)
    {
        var contentType = request.ContentType;
        if (string.IsNullOrWhiteSpace(contentType))
        {
            throw new ApiError(ErrorCodes.MissingContentType, $"A Content-Type header is missing. {Accepted}");
        }

        var mediaType = contentType.Split(';', 2)[0].Trim();
        if (!mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new ApiError(ErrorCodes.InvalidContentType, $"The Content-Type `{mediaType}` is invalid. {Accepted}");
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, JsonText.Options, request.HttpContext.RequestAborted);
            JsonText.RequireValidText(document.RootElement);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw ApiError.MalformedPayload($"{JsonText.MalformedPrefix} `{JsonText.Describe(e)}`.");
        }
        catch (InvalidOperationException)
        {
            throw JsonText.InvalidText();
        }
    }

    /// <summary>Reads the body and requires a JSON object.</summary>
    public static async Task<JsonObjectReader> ReadObjectAsync(HttpRequest request, string errorPrefix)
    {
        var body = await ReadAsync(request);
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw ApiError.BadRequest($"Invalid value type: expected an object, but found {JsonDescriptions.Kind(body)}: `{JsonDescriptions.Compact(body)}`");
        }

        return new JsonObjectReader(body, errorPrefix);
    }
}
