using System.Text.Json;
using Platform.Api.Errors;

namespace Platform.Api.Json;

/// <summary>
/// The parsing rules of every JSON body: duplicate keys refused, and every string and key proved readable as text.
/// <see cref="JsonDocument"/> accepts invalid UTF-8 and lone surrogate escapes (<c>"\ud800"</c>) and fails only when a
/// string is read later, deep inside a handler; checking once here turns that into a 400 <c>malformed_payload</c>.
/// </summary>
internal static class JsonText
{
    public const string MalformedPrefix = "The json payload provided is malformed.";

    /// <summary>A document with two keys of the same name has no single meaning: refused, as serde's readers do.</summary>
    public static JsonDocumentOptions Options { get; } = new() { AllowDuplicateProperties = false };

    /// <summary>Throws <c>malformed_payload</c> if a key or string of <paramref name="value"/> is not valid text.</summary>
    public static void RequireValidText(JsonElement value, string prefix = MalformedPrefix)
    {
        try
        {
            Walk(value);
        }
        catch (InvalidOperationException)
        {
            throw ApiError.MalformedPayload($"{prefix} `a string holds invalid UTF-8 or an unpaired surrogate`.");
        }
    }

    /// <summary>The parser's message without its position suffix, as quoted in <c>malformed_payload</c> messages.</summary>
    public static string Describe(JsonException e) => e.Message.Split(" Path:", 2)[0].TrimEnd('.');

    // Depth is bounded by the parser's maximum depth (64), so recursion is safe.
    private static void Walk(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                _ = value.GetString();
                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray()) Walk(item);
                break;
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    _ = property.Name;
                    Walk(property.Value);
                }

                break;
        }
    }
}
