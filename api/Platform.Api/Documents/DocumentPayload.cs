using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Platform.Api.Errors;
using Platform.Search.Errors;

namespace Platform.Api.Documents;

/// <summary>
/// Reads a document batch: a JSON array of objects (or one object), or NDJSON, as Meilisearch accepts them.
/// A malformed payload is refused with 400 <c>malformed_payload</c> before anything is stored.
/// </summary>
internal static class DocumentPayload
{
    private const string Json = "application/json";
    private const string NdJson = "application/x-ndjson";
    private const string Accepted = "Accepted values for the Content-Type header are: `application/json`, `application/x-ndjson`";

    public static async Task<IReadOnlyList<JsonObject>> ReadAsync(HttpRequest request)
    {
        var mediaType = request.ContentType?.Split(';', 2)[0].Trim();
        if (string.IsNullOrEmpty(mediaType))
        {
            throw new ApiError(ErrorCodes.MissingContentType, $"A Content-Type header is missing. {Accepted}");
        }

        if (mediaType.Equals(Json, StringComparison.OrdinalIgnoreCase)) return await ReadJsonAsync(request);
        if (mediaType.Equals(NdJson, StringComparison.OrdinalIgnoreCase)) return await ReadNdJsonAsync(request);
        throw new ApiError(ErrorCodes.InvalidContentType, $"The Content-Type `{mediaType}` is invalid. {Accepted}");
    }

    private static async Task<IReadOnlyList<JsonObject>> ReadJsonAsync(HttpRequest request)
    {
        JsonNode? root;
        try
        {
            root = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException e)
        {
            throw Malformed(e.Message);
        }

        return root switch
        {
            JsonObject single => [single],
            JsonArray array => [.. array.Select((item, i) => item as JsonObject
                ?? throw Malformed($"the document at position {i} is not a JSON object"))],
            _ => throw Malformed("expected a JSON array of objects or a single object"),
        };
    }

    private static async Task<IReadOnlyList<JsonObject>> ReadNdJsonAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var documents = new List<JsonObject>();
        var line = 0;
        while (await reader.ReadLineAsync(request.HttpContext.RequestAborted) is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            try
            {
                documents.Add(JsonNode.Parse(text) as JsonObject ?? throw Malformed($"line {line} is not a JSON object"));
            }
            catch (JsonException e)
            {
                throw Malformed($"line {line}: {e.Message}");
            }
        }

        return documents;
    }

    private static ApiError Malformed(string detail) =>
        ApiError.MalformedPayload($"The `json` payload provided is malformed. `{detail.Split(" Path:", 2)[0].TrimEnd('.')}`.");
}
