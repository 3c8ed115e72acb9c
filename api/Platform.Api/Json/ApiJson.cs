using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Api.Json;

/// <summary>
/// The JSON rules of every response body, set once on the host's HTTP JSON options (<see cref="Configure"/>, which
/// typed results serialize with): camelCase, nulls written (Meilisearch writes them), nothing escaped that serde_json
/// would leave alone. Bodies written by hand (search responses, values quoted in messages) use
/// <see cref="WriterOptions"/>, the same rules for a <see cref="Utf8JsonWriter"/>.
/// </summary>
internal static class ApiJson
{
    /// <summary>serde_json, which writes Meilisearch's bodies, escapes neither non-ASCII text nor HTML characters.</summary>
    private static JavaScriptEncoder Encoder => JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = Encoder };

    /// <summary>Applies the rules to the host's options (Web defaults already give camelCase).</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.Encoder = Encoder;
    }

    public static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();

    /// <summary>The value as compact JSON, written by the rules above.</summary>
    public static string Compact(JsonElement value)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            value.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
