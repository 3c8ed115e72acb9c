using System.Text.Encodings.Web;
using System.Text.Json;

namespace Platform.Search.Serde;

/// <summary>
/// JSON written the way serde_json writes it, non-ASCII text unescaped: Meilisearch renders offending values, rule
/// filters and token claims that way, so error messages and signed bytes must match it.
/// </summary>
public static class ReadableJson
{
    /// <summary>For <c>ToJsonString</c> and <see cref="JsonSerializer"/>.</summary>
    public static readonly JsonSerializerOptions SerializerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>For a <see cref="Utf8JsonWriter"/>: compact, validated, non-ASCII text unescaped.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
