using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Platform.Search.Meilisearch;

/// <summary>JSON settings and request bodies for the Meilisearch wire format.</summary>
internal static class MeilisearchJson
{
    /// <summary>camelCase like Meilisearch; nulls left out so an absent optional means "Meilisearch's default".</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");

    /// <summary>
    /// A buffered <c>application/json</c> body. Buffered (not streamed) so it has a Content-Length and can be sent
    /// again by a retry; no charset parameter because Meilisearch only needs the media type.
    /// </summary>
    public static ByteArrayContent Content<T>(T value)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, Options));
        content.Headers.ContentType = JsonMediaType;
        return content;
    }

    /// <summary>A body from caller-built JSON, written exactly as given (nulls included).</summary>
    public static ByteArrayContent Content(JsonNode node)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(node, JsonNodeOptions));
        content.Headers.ContentType = JsonMediaType;
        return content;
    }

    // JsonNode bodies are already Meilisearch-shaped: explicit nulls in them mean "reset", so they must survive.
    private static readonly JsonSerializerOptions JsonNodeOptions = new(JsonSerializerDefaults.Web);
}
