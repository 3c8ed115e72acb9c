using System.Globalization;

namespace Platform.Search.Tokens;

/// <summary>
/// Parses UUIDs in the forms the Rust <c>uuid</c> crate accepts (Meilisearch reads <c>apiKeyUid</c> with it):
/// simple (32 hex), hyphenated (8-4-4-4-12), braced hyphenated and <c>urn:uuid:</c> hyphenated; hex digits in either
/// case. Failure texts follow the crate's wording as closely as is practical.
/// </summary>
internal static class RustUuid
{
    private const string UrnPrefix = "urn:uuid:";
    private static readonly int[] GroupLengths = [8, 4, 4, 4, 12];

    public static bool TryParse(string text, out Guid value, out string? error)
    {
        value = default;
        ReadOnlySpan<char> body = text;
        var offset = 0;
        var hyphenated = true;
        if (text.Length == 32)
        {
            hyphenated = false;
        }
        else if (text.Length == 38 && text[0] == '{' && text[^1] == '}')
        {
            body = text.AsSpan(1, 36);
            offset = 1;
        }
        else if (text.Length == 45 && text.StartsWith(UrnPrefix, StringComparison.Ordinal))
        {
            body = text.AsSpan(9);
            offset = 9;
        }
        else if (text.Length != 36)
        {
            error = Describe(text);
            return false;
        }

        if (hyphenated)
        {
            if (body[8] != '-' || body[13] != '-' || body[18] != '-' || body[23] != '-')
            {
                error = Describe(text);
                return false;
            }
        }

        Span<char> hex = stackalloc char[32];
        var h = 0;
        for (var i = 0; i < body.Length; i++)
        {
            if (hyphenated && (i == 8 || i == 13 || i == 18 || i == 23))
            {
                continue;
            }

            if (!char.IsAsciiHexDigit(body[i]))
            {
                error = InvalidCharacter(text, offset + i);
                return false;
            }

            hex[h++] = body[i];
        }

        value = Guid.ParseExact(hex, "N");
        error = null;
        return true;
    }

    private static string Describe(string text)
    {
        // Strip an accepted wrapper, then report the first character that is neither hex nor '-', then the shape.
        ReadOnlySpan<char> body = text;
        var offset = 0;
        if (text.StartsWith(UrnPrefix, StringComparison.Ordinal))
        {
            body = text.AsSpan(UrnPrefix.Length);
            offset = UrnPrefix.Length;
        }
        else if (text.StartsWith('{') && text.EndsWith('}') && text.Length >= 2)
        {
            body = text.AsSpan(1, text.Length - 2);
            offset = 1;
        }

        for (var i = 0; i < body.Length; i++)
        {
            if (!char.IsAsciiHexDigit(body[i]) && body[i] != '-')
            {
                return InvalidCharacter(text, offset + i);
            }
        }

        if (!body.Contains('-'))
        {
            return string.Create(CultureInfo.InvariantCulture, $"invalid length: expected length 32 for simple format, found {body.Length}");
        }

        var groups = body.ToString().Split('-');
        if (groups.Length != 5)
        {
            return string.Create(CultureInfo.InvariantCulture, $"invalid group count: expected 5, found {groups.Length}");
        }

        for (var g = 0; g < groups.Length; g++)
        {
            if (groups[g].Length != GroupLengths[g])
            {
                return string.Create(CultureInfo.InvariantCulture, $"invalid group length in group {g}: expected {GroupLengths[g]}, found {groups[g].Length}");
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"invalid length: expected length 32 for simple format, found {body.Length}");
    }

    private static string InvalidCharacter(string text, int index)
    {
        var rune = System.Text.Rune.GetRuneAt(text, char.IsLowSurrogate(text[index]) && index > 0 ? index - 1 : index);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-], found `{rune}` at {index + 1}");
    }
}
