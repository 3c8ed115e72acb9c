using System.Globalization;
using System.Text;

namespace Platform.Search.Tokens;

/// <summary>
/// Strict, canonical base64url without padding, as the Rust <c>base64</c> crate's <c>URL_SAFE_NO_PAD</c> engine
/// decodes it: only <c>[A-Za-z0-9_-]</c>, no <c>=</c>, no length of 4n+1, and the unused low bits of the last symbol
/// must be zero (so every byte string has exactly one accepted text, which makes tampering visible).
/// </summary>
internal static class Base64Url
{
    private const byte Invalid = 0xFF;
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static readonly byte[] Values = BuildValues();

    /// <summary>The decoded length of a valid segment of <paramref name="encodedLength"/> symbols.</summary>
    public static int DecodedLength(int encodedLength) => encodedLength / 4 * 3 + encodedLength % 4 * 3 / 4;

    /// <summary>The encoded length of <paramref name="byteCount"/> bytes.</summary>
    public static int EncodedLength(int byteCount) => byteCount / 3 * 4 + (byteCount % 3 * 4 + 2) / 3;

    /// <summary>
    /// Decodes <paramref name="text"/> into <paramref name="destination"/> (at least <see cref="DecodedLength"/>
    /// long). On failure returns false and the base64 crate's wording of the problem.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<char> text, Span<byte> destination, out int written, out string? error)
    {
        written = 0;
        var firstBad = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= 128 || Values[c] == Invalid)
            {
                firstBad = i;
                break;
            }
        }

        if (firstBad >= 0)
        {
            error = DescribeBadSymbol(text, firstBad);
            return false;
        }

        if (text.Length % 4 == 1)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"Invalid input length: {text.Length}");
            return false;
        }

        var full = text.Length / 4 * 4;
        var o = 0;
        for (var i = 0; i < full; i += 4)
        {
            var n = (Values[text[i]] << 18) | (Values[text[i + 1]] << 12) | (Values[text[i + 2]] << 6) | Values[text[i + 3]];
            destination[o++] = (byte)(n >> 16);
            destination[o++] = (byte)(n >> 8);
            destination[o++] = (byte)n;
        }

        var rest = text.Length - full;
        if (rest == 2)
        {
            int a = Values[text[full]], b = Values[text[full + 1]];
            if ((b & 0x0F) != 0)
            {
                error = LastSymbol(text, full + 1);
                return false;
            }

            destination[o++] = (byte)((a << 2) | (b >> 4));
        }
        else if (rest == 3)
        {
            int a = Values[text[full]], b = Values[text[full + 1]], c = Values[text[full + 2]];
            if ((c & 0x03) != 0)
            {
                error = LastSymbol(text, full + 2);
                return false;
            }

            destination[o++] = (byte)((a << 2) | (b >> 4));
            destination[o++] = (byte)((b << 4) | (c >> 2));
        }

        written = o;
        error = null;
        return true;
    }

    /// <summary>Encodes without padding into <paramref name="destination"/> (at least <see cref="EncodedLength"/> long).</summary>
    public static int Encode(ReadOnlySpan<byte> data, Span<char> destination)
    {
        var o = 0;
        var full = data.Length / 3 * 3;
        for (var i = 0; i < full; i += 3)
        {
            var n = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
            destination[o++] = Alphabet[(n >> 18) & 63];
            destination[o++] = Alphabet[(n >> 12) & 63];
            destination[o++] = Alphabet[(n >> 6) & 63];
            destination[o++] = Alphabet[n & 63];
        }

        var rest = data.Length - full;
        if (rest == 1)
        {
            var n = data[full] << 16;
            destination[o++] = Alphabet[(n >> 18) & 63];
            destination[o++] = Alphabet[(n >> 12) & 63];
        }
        else if (rest == 2)
        {
            var n = (data[full] << 16) | (data[full + 1] << 8);
            destination[o++] = Alphabet[(n >> 18) & 63];
            destination[o++] = Alphabet[(n >> 12) & 63];
            destination[o++] = Alphabet[(n >> 6) & 63];
        }

        return o;
    }

    /// <summary>Encodes to a new string.</summary>
    public static string Encode(ReadOnlySpan<byte> data)
    {
        var chars = new char[EncodedLength(data.Length)];
        Encode(data, chars);
        return new string(chars);
    }

    private static string DescribeBadSymbol(ReadOnlySpan<char> text, int index)
    {
        // Trailing '=' padding (with only '=' after it, in the last quad) is "Invalid padding" for a no-pad engine;
        // any other bad symbol is reported with its byte value and byte offset (everything before it is ASCII).
        if (text[index] == '=')
        {
            var padStart = index;
            var onlyPadding = text[padStart..].IndexOfAnyExcept('=') < 0;
            var padCount = text.Length - padStart;
            if (onlyPadding && padCount <= 2 && text.Length % 4 == 0)
            {
                return "Invalid padding";
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"Invalid symbol {FirstUtf8Byte(text, index)}, offset {index}.");
    }

    private static string LastSymbol(ReadOnlySpan<char> text, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"Invalid last symbol {(int)text[index]}, offset {index}.");

    private static int FirstUtf8Byte(ReadOnlySpan<char> text, int index)
    {
        if (text[index] < 128)
        {
            return text[index];
        }

        Span<byte> bytes = stackalloc byte[4];
        var length = char.IsHighSurrogate(text[index]) && index + 1 < text.Length ? 2 : 1;
        var count = Encoding.UTF8.GetBytes(text.Slice(index, length), bytes);
        return count > 0 ? bytes[0] : 0xEF; // a lone surrogate becomes U+FFFD, whose first byte is 0xEF
    }

    private static byte[] BuildValues()
    {
        var values = new byte[128];
        Array.Fill(values, Invalid);
        for (var i = 0; i < Alphabet.Length; i++)
        {
            values[Alphabet[i]] = (byte)i;
        }

        return values;
    }
}
