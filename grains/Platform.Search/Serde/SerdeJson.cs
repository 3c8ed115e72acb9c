using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Platform.Search.Serde;

/// <summary>
/// Helpers that word JSON errors the way <c>serde_json</c> does (Meilisearch decodes token claims with it), so that
/// <c>JSON error: … at line L column C</c> texts line up with the server's.
/// </summary>
/// <remarks>
/// serde_json reports a position as the line and the 1-based byte column of the next unread byte (the byte it
/// peeked at when the error was raised), or the input length at end of input. Callers pass that byte index.
/// </remarks>
internal static class SerdeJson
{
    /// <summary>The reader settings that match serde_json's: no comments, no trailing commas, depth limit 128.</summary>
    public static readonly JsonReaderOptions ReaderOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 128,
    };

    /// <summary><c>" at line L column C"</c> for the byte at <paramref name="peekIndex"/> of <paramref name="json"/>.</summary>
    public static string At(ReadOnlySpan<byte> json, long peekIndex)
    {
        var i = (int)Math.Min(peekIndex + 1, json.Length);
        var head = json[..i];
        var lastNewline = head.LastIndexOf((byte)'\n');
        var startOfLine = lastNewline + 1;
        var line = 1 + head[..startOfLine].Count((byte)'\n');
        var column = i - startOfLine;
        return string.Create(CultureInfo.InvariantCulture, $" at line {line} column {column}");
    }

    /// <summary>
    /// Null when <paramref name="json"/> is valid UTF-8, else serde_json's "invalid unicode code point" error at the
    /// first bad byte. The .NET reader only notices bad UTF-8 when a string is materialized, so check up front.
    /// </summary>
    public static string? CheckUtf8(ReadOnlySpan<byte> json)
    {
        if (System.Text.Unicode.Utf8.IsValid(json))
        {
            return null;
        }

        var index = 0;
        while (index < json.Length)
        {
            if (Rune.DecodeFromUtf8(json[index..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                break;
            }

            index += consumed;
        }

        return "invalid unicode code point" + At(json, index);
    }

    /// <summary>
    /// If <paramref name="json"/> ends inside a value (open string, object or array, or a cut literal), serde_json's
    /// "EOF while parsing …" text for where it stopped; otherwise null.
    /// </summary>
    private static string? DescribeEndOfInput(ReadOnlySpan<byte> json)
    {
        var stack = new Stack<byte>();
        var inString = false;
        var escaped = false;
        foreach (var b in json)
        {
            if (inString)
            {
                if (escaped)
                {
                    escaped = false;
                }
                else if (b == (byte)'\\')
                {
                    escaped = true;
                }
                else if (b == (byte)'"')
                {
                    inString = false;
                }

                continue;
            }

            switch (b)
            {
                case (byte)'"': inString = true; break;
                case (byte)'{' or (byte)'[': stack.Push(b); break;
                case (byte)'}' or (byte)']': if (stack.Count > 0) { stack.Pop(); } break;
            }
        }

        if (inString)
        {
            return "EOF while parsing a string";
        }

        var trimmed = json.TrimEnd(" \t\r\n"u8);
        var last = trimmed.IsEmpty ? (byte)0 : trimmed[^1];
        var cutLiteral = char.IsAsciiLetter((char)last)
            && !(trimmed.EndsWith("true"u8) || trimmed.EndsWith("false"u8) || trimmed.EndsWith("null"u8));
        if (stack.Count == 0)
        {
            return trimmed.IsEmpty || cutLiteral ? "EOF while parsing a value" : null;
        }

        var top = stack.Peek();
        return last switch
        {
            (byte)':' => "EOF while parsing a value",
            (byte)',' => top == (byte)'{' ? "EOF while parsing an object" : "EOF while parsing a value",
            _ when cutLiteral => "EOF while parsing a value",
            _ => top == (byte)'{' ? "EOF while parsing an object" : "EOF while parsing a list",
        };
    }

    /// <summary>serde_json's error for an input with no value at all (empty or only whitespace).</summary>
    public static string EndOfInput(ReadOnlySpan<byte> json) => "EOF while parsing a value" + At(json, json.Length);

    /// <summary>The index just past the token the reader stands on (a scalar, or a property name's closing quote).</summary>
    public static long EndOfToken(ref readonly Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String or JsonTokenType.PropertyName => reader.TokenStartIndex + reader.ValueSpan.Length + 2,
        _ => reader.TokenStartIndex + reader.ValueSpan.Length,
    };

    /// <summary>
    /// serde's <c>Unexpected</c> text for the value the reader stands on (<c>integer `5`</c>, <c>string "x"</c>,
    /// <c>map</c>…), and the index serde_json would report the error at. Skips container values.
    /// </summary>
    public static (string Text, long PeekIndex) Unexpected(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var start = reader.TokenStartIndex;
                reader.Skip();
                return ("map", start);
            }

            case JsonTokenType.StartArray:
            {
                var start = reader.TokenStartIndex;
                reader.Skip();
                return ("sequence", start);
            }

            case JsonTokenType.String:
            {
                var builder = new StringBuilder("string ");
                RustText.AppendDebugString(builder, reader.GetString()!);
                return (builder.ToString(), EndOfToken(in reader));
            }

            case JsonTokenType.Number:
                return (DescribeNumber(reader.ValueSpan), EndOfToken(in reader));
            case JsonTokenType.True:
                return ("boolean `true`", EndOfToken(in reader));
            case JsonTokenType.False:
                return ("boolean `false`", EndOfToken(in reader));
            default:
                return ("null", EndOfToken(in reader));
        }
    }

    /// <summary>How a JSON number token is classified by serde_json.</summary>
    public enum NumberKind
    {
        /// <summary>Fits in i64.</summary>
        Signed,

        /// <summary>Non-negative, above i64::MAX, fits in u64.</summary>
        Unsigned,

        /// <summary>Has a fraction or exponent, or overflows 64 bits.</summary>
        Float,

        /// <summary>A float that overflows f64 (serde_json: "number out of range").</summary>
        OutOfRange,
    }

    /// <summary>Classifies a number token's raw bytes as serde_json's parser would.</summary>
    public static NumberKind Classify(ReadOnlySpan<byte> raw, out long signed)
    {
        signed = 0;
        if (raw.IndexOfAny(".eE"u8) < 0)
        {
            if (Utf8Parser.TryParse(raw, out signed, out var consumed) && consumed == raw.Length)
            {
                return NumberKind.Signed;
            }

            if (raw[0] != (byte)'-' && Utf8Parser.TryParse(raw, out ulong _, out consumed) && consumed == raw.Length)
            {
                return NumberKind.Unsigned;
            }
        }

        var value = double.Parse(Encoding.ASCII.GetString(raw), NumberStyles.Float, CultureInfo.InvariantCulture);
        return double.IsFinite(value) ? NumberKind.Float : NumberKind.OutOfRange;
    }

    /// <summary><c>integer `5`</c> or <c>floating point `1.5`</c>.</summary>
    public static string DescribeNumber(ReadOnlySpan<byte> raw)
    {
        var kind = Classify(raw, out _);
        if (kind is NumberKind.Signed or NumberKind.Unsigned)
        {
            return "integer `" + Encoding.ASCII.GetString(raw) + "`";
        }

        var value = double.Parse(Encoding.ASCII.GetString(raw), NumberStyles.Float, CultureInfo.InvariantCulture);
        return "floating point `" + RustFloat(value) + "`";
    }

    /// <summary>
    /// Rust's <c>{}</c> of an f64 (shortest round-trip digits, never an exponent) plus serde's <c>.0</c> when the
    /// text has no decimal point.
    /// </summary>
    public static string RustFloat(double value)
    {
        if (!double.IsFinite(value))
        {
            return double.IsNaN(value) ? "NaN" : value > 0 ? "inf" : "-inf";
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            var exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            var mantissa = text[..e];
            var negative = mantissa.StartsWith('-');
            if (negative)
            {
                mantissa = mantissa[1..];
            }

            var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
            var digits = dot >= 0 ? mantissa.Remove(dot, 1) : mantissa;
            var pointPosition = (dot >= 0 ? dot : mantissa.Length) + exponent;
            string expanded;
            if (pointPosition <= 0)
            {
                expanded = "0." + new string('0', -pointPosition) + digits;
            }
            else if (pointPosition >= digits.Length)
            {
                expanded = digits + new string('0', pointPosition - digits.Length);
            }
            else
            {
                expanded = digits[..pointPosition] + "." + digits[pointPosition..];
            }

            text = (negative ? "-" : string.Empty) + expanded;
        }

        return text.Contains('.', StringComparison.Ordinal) ? text : text + ".0";
    }

    /// <summary>
    /// Starts reading <paramref name="json"/> as a serde struct: valid UTF-8, then a value, then an object. Returns
    /// serde's error or null, leaving <paramref name="reader"/> on the <c>{</c>. Throws <see cref="JsonException"/>
    /// on a syntax error, for the caller to word with <see cref="SyntaxError"/>.
    /// </summary>
    public static string? StartStruct(ReadOnlySpan<byte> json, string structName, out Utf8JsonReader reader)
    {
        reader = new Utf8JsonReader(json, ReaderOptions);
        if (CheckUtf8(json) is { } utf8Error)
        {
            return utf8Error;
        }

        if (!reader.Read())
        {
            return EndOfInput(json);
        }

        return reader.TokenType != JsonTokenType.StartObject ? InvalidType(ref reader, json, structName) : null;
    }

    /// <summary>serde's <c>invalid type: …, expected …</c> for the token under <paramref name="reader"/>.</summary>
    public static string InvalidType(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, string expected)
    {
        var (text, peek) = Unexpected(ref reader);
        return $"invalid type: {text}, expected {expected}" + At(json, peek);
    }

    /// <summary>A serde_json-like text for a syntax error the .NET reader raised (wording approximate).</summary>
    public static string SyntaxError(JsonException exception, ReadOnlySpan<byte> json)
    {
        var line = (exception.LineNumber ?? 0) + 1;
        var byteInLine = exception.BytePositionInLine ?? 0;

        // Where does that line end? At end of input serde says "EOF while parsing …" at the input length.
        var lineStart = 0;
        for (var l = 0L; l < line - 1 && lineStart < json.Length; l++)
        {
            var next = json[lineStart..].IndexOf((byte)'\n');
            lineStart = next < 0 ? json.Length : lineStart + next + 1;
        }

        var absolute = lineStart + byteInLine;
        var message = exception.Message ?? string.Empty;
        var trimmed = json.TrimEnd(" \t\r\n"u8);
        string text;
        long column;
        var trailing = message.Contains("after a single JSON value", StringComparison.Ordinal);
        if (!trailing && absolute >= trimmed.Length - 1 && DescribeEndOfInput(json) is { } eof)
        {
            // The input stops in the middle of a value: serde says where it was ("… an object", "… a list"…)
            // at the very end of the input.
            text = eof;
            column = json.Length - (json.LastIndexOf((byte)'\n') + 1);
            line = 1 + json.Count((byte)'\n');
        }
        else
        {
            var at = absolute < json.Length ? json[(int)absolute] : (byte)0;
            var before = json[..(int)Math.Min(absolute, json.Length)].TrimEnd(" \t\r\n"u8);
            var previous = before.IsEmpty ? (byte)0 : before[^1];
            text = trailing ? "trailing characters"
                : message.Contains("maximum configured depth", StringComparison.Ordinal) ? "recursion limit exceeded"
                : previous == (byte)',' && at is (byte)'}' or (byte)']' ? "trailing comma"
                : previous == (byte)'{' && at != (byte)'"' ? "key must be a string"
                : "expected value";
            column = byteInLine + 1;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{text} at line {line} column {column}");
    }
}
