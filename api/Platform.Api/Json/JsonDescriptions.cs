using System.Text.Json;

namespace Platform.Api.Json;

/// <summary>How Meilisearch (deserr) names JSON values in its error messages.</summary>
internal static class JsonDescriptions
{
    public static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        JsonValueKind.Number when value.TryGetInt64(out var n) => n >= 0 ? "a positive integer" : "a negative integer",
        JsonValueKind.Number => "a number",
        _ => "a value",
    };

    /// <summary>The value as compact JSON, as it appears between backticks in messages (serde_json renders them).</summary>
    public static string Compact(JsonElement value) => ApiJson.Compact(value);
}
