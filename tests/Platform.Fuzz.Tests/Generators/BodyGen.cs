using System.Text;
using CsCheck;

namespace Platform.Fuzz.Tests.Generators;

/// <summary>Request bodies and their content types: JSON objects, document batches, NDJSON, and broken bytes.</summary>
internal static class BodyGen
{
    public static readonly Gen<string?> ContentType = Gen.Frequency(
        (12, Gen.Const((string?)("application/json"))),
        (3, Gen.Const((string?)("application/x-ndjson"))),
        (3, Gen.OneOf<string?>(null, "", "text/csv", "text/plain", "application/json; charset=utf-8",
            "APPLICATION/JSON", "application/json;;;", "multipart/form-data; boundary=x", "application/*", "*/*",
            "application/json; charset=latin1", "application/x-www-form-urlencoded", "json")));

    private static readonly Gen<string> Ndjson = JsonGen.Document.Array[0, 5].SelectMany(lines =>
        Gen.OneOf("\n", "\r\n").Select(separator => string.Join(separator, lines)));

    private static readonly Gen<string> Text = Gen.Frequency(
        (10, JsonGen.FieldObject),
        (4, JsonGen.Document.Array[0, 6].Select(documents => $"[{string.Join(',', documents)}]")),
        (2, JsonGen.Document),
        (2, Ndjson),
        (2, JsonGen.Value),
        (1, JsonGen.DeepNesting),
        (1, Gen.OneOf("", " ", "{", "[", "{\"q\":", "nul", "{}}", "[]]", "\"", "{\"a\":1,}", "\uFEFF{}")));

    private static readonly byte[][] InvalidUtf8 =
    [
        [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80], [0xFE, 0xFF],
    ];

    /// <summary>UTF-8 of the text, sometimes with invalid sequences spliced in or cut short.</summary>
    public static readonly Gen<byte[]> Bytes = Gen.Frequency(
        (12, Text.Select(Encoding.UTF8.GetBytes)),
        (2, Gen.Select(Text, Gen.OneOf(InvalidUtf8), Gen.Double[0, 1], Splice)),
        (1, Gen.Select(Text, Gen.Double[0, 1], (text, at) => Encoding.UTF8.GetBytes(text)[..(int)(Encoding.UTF8.GetByteCount(text) * at)])),
        (1, Gen.Byte.Array[0, 256]));

    private static byte[] Splice(string text, byte[] invalid, double at)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var index = (int)(bytes.Length * at);
        return [.. bytes[..index], .. invalid, .. bytes[index..]];
    }
}
