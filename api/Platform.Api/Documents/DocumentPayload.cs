using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Platform.Api.Errors;
using Platform.Api.Json;
using Platform.Search.Errors;

namespace Platform.Api.Documents;

/// <summary>
/// Reads a document batch: a JSON array of objects (or one object), or NDJSON, as Meilisearch accepts them.
/// Duplicate keys and strings that are not valid text are malformed too (<see cref="JsonText"/>).
/// A malformed payload is refused with 400 <c>malformed_payload</c> before anything is stored.
/// </summary>
internal static class DocumentPayload
{
    private const string MalformedPrefix = "The `json` payload provided is malformed.";
    private const string Json = "application/json";
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
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
            using var document = await JsonDocument.ParseAsync(request.Body, JsonText.Options, request.HttpContext.RequestAborted);
            root = Node(document.RootElement);
        }
        catch (JsonException e)
        {
            throw Malformed(e.Message);
        }
        catch (InvalidOperationException)
        {
            throw JsonText.InvalidText(MalformedPrefix);
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
        // Strict decoding: invalid UTF-8 is a malformed payload, never silently replaced with U+FFFD.
        using var reader = new StreamReader(request.Body, StrictUtf8);
        var documents = new List<JsonObject>();
        var line = 0;
        while (await ReadLineAsync(reader, request.HttpContext.RequestAborted) is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            try
            {
                using var document = JsonDocument.Parse(text, JsonText.Options);
                documents.Add(Node(document.RootElement) as JsonObject ?? throw Malformed($"line {line} is not a JSON object"));
            }
            catch (JsonException e)
            {
                throw Malformed($"line {line}: {e.Message}");
            }
            catch (InvalidOperationException)
            {
                throw JsonText.InvalidText(MalformedPrefix);
            }
        }

        return documents;
    }

    private static async Task<string?> ReadLineAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadLineAsync(cancellationToken);
        }
        catch (DecoderFallbackException)
        {
            throw Malformed("the payload is not valid UTF-8");
        }
    }

    /// <summary>A node detached from the parsed document, after its text is proved valid (<see cref="JsonText"/>).</summary>
    private static JsonNode? Node(JsonElement element)
    {
        JsonText.RequireValidText(element, MalformedPrefix);
        return JsonSerializer.SerializeToNode(element);
    }

    private static ApiError Malformed(string detail) =>
        ApiError.MalformedPayload($"{MalformedPrefix} `{detail.Split(" Path:", 2)[0].TrimEnd('.')}`.");
}
