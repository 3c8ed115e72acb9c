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
            throw InvalidText(prefix);
        }
    }

    /// <summary>
    /// The error for text that is not valid UTF-8/UTF-16. The parser itself throws <see cref="InvalidOperationException"/>
    /// (not <see cref="JsonException"/>) when it compares keys holding a lone surrogate, so parse calls catch it too.
    /// </summary>
    public static ApiError InvalidText(string prefix = MalformedPrefix) =>
        ApiError.MalformedPayload($"{prefix} `a string holds invalid UTF-8 or an unpaired surrogate`.");

    /// <summary>The parser's message without its position suffix, as quoted in <c>malformed_payload</c> messages.</summary>
    public static string Describe(JsonException e) => e.Message.Split(" Path:", 2)[0].TrimEnd('.');

    /// <summary>Unescaping a key does not check surrogate pairs the way reading a value does, so both are checked here.</summary>
    private static void RequireWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) throw new InvalidOperationException("An unpaired surrogate.");
        }
    }

    // Depth is bounded by the parser's maximum depth (64), so recursion is safe.
    private static void Walk(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                RequireWellFormed(value.GetString()!);
                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray()) Walk(item);
                break;
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    RequireWellFormed(property.Name);
                    Walk(property.Value);
                }

                break;
        }
    }
}
