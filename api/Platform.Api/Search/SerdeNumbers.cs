using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Api.Search;

/// <summary>
/// Floats as serde_json prints an f64: shortest round-trip digits, and a whole number keeps <c>.0</c>
/// (<c>1.0</c>, not <c>1</c>), so scores and facet stats read the same as Meilisearch's.
/// </summary>
internal static class SerdeNumbers
{
    public static string Format(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return double.IsFinite(value) && text.All(c => c is '-' or (>= '0' and <= '9')) ? text + ".0" : text;
    }

    public static void Write(Utf8JsonWriter writer, string name, double value)
    {
        writer.WritePropertyName(name);
        writer.WriteRawValue(Format(value), skipInputValidation: true);
    }

    public static JsonNode Node(double value) => JsonNode.Parse(Format(value))!;
}
