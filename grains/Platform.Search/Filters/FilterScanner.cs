using System.Globalization;
using System.Text;

namespace Platform.Search.Filters;

/// <summary>A value that could not be read. <see cref="Fatal"/> errors stop the parse; the others let the caller try
/// another reading (Meilisearch's recoverable errors), and <see cref="Keyword"/> marks a bare reserved word.</summary>
internal sealed record ValueFailure(FilterParseException Error, bool Fatal, bool Keyword);

/// <summary>
/// Reads the lexical pieces of a filter string (whitespace, words, quoted values, numbers) at a moving position.
/// It knows nothing of the grammar; <see cref="FilterParser"/> decides what each piece means.
/// </summary>
internal sealed class FilterScanner(string text)
{
    public string Text => text;

    public int Position { get; set; }

    public bool AtEnd => Position >= text.Length;

    public char Current => text[Position];

    public void SkipWhitespace()
    {
        while (Position < text.Length && char.IsWhiteSpace(text[Position]))
        {
            Position++;
        }
    }

    /// <summary>The run of word characters starting at <paramref name="start"/> (empty when there is none).</summary>
    public string WordAt(int start)
    {
        var end = start;
        while (end < text.Length)
        {
            var length = FilterSyntax.WordRuneLength(text, end);
            if (length == 0)
            {
                break;
            }

            end += length;
        }

        return text[start..end];
    }

    /// <summary>Consumes the keyword (a whole word, after optional whitespace) and the whitespace after it.</summary>
    public bool TryKeyword(string keyword)
    {
        var saved = Position;
        SkipWhitespace();
        if (WordAt(Position) == keyword)
        {
            Position += keyword.Length;
            SkipWhitespace();
            return true;
        }

        Position = saved;
        return false;
    }

    /// <summary>Whether the next word (after optional whitespace) is <paramref name="keyword"/>, without consuming it.</summary>
    public bool PeekKeyword(string keyword)
    {
        var saved = Position;
        var found = TryKeyword(keyword);
        Position = saved;
        return found;
    }

    public bool TryChar(char c)
    {
        if (Position < text.Length && text[Position] == c)
        {
            Position++;
            return true;
        }

        return false;
    }

    public FilterParseException ErrorAt(int start, int end, string diagnostic) =>
        FilterErrors.At(text, start, end, diagnostic);

    public FilterParseException ErrorToEnd(int start, string diagnostic) =>
        FilterErrors.At(text, start, text.Length, diagnostic);

    /// <summary>
    /// Reads a value (attribute name or operand): optional whitespace, then a word or a quoted string, then trailing
    /// whitespace. Reserved geo words and the geo operations are refused here wherever a value is expected.
    /// </summary>
    public bool TryReadValue(out string value, out ValueFailure? failure)
    {
        value = string.Empty;
        var saved = Position;
        SkipWhitespace();
        var start = Position;
        if (!AtEnd && Current is '"' or '\'')
        {
            return TryReadQuoted(out value, out failure);
        }

        var word = WordAt(start);
        if (FilterSyntax.ReservedGeoWords.Contains(word))
        {
            failure = new ValueFailure(ErrorToEnd(start, FilterErrors.ReservedGeo(word)), Fatal: true, Keyword: false);
            return false;
        }

        if (word is "_geoRadius" or "_geoBoundingBox" or "_geoPolygon")
        {
            failure = new ValueFailure(ErrorToEnd(start, FilterErrors.MisusedGeo(word)), Fatal: true, Keyword: false);
            return false;
        }

        if (word.Length == 0 || FilterSyntax.Keywords.Contains(word))
        {
            var end = start;
            while (end < text.Length && !FilterSyntax.IsSyntaxCharacter(text[end]))
            {
                end++;
            }

            var offending = text[start..end];
            var keyword = word.Length > 0;
            var diagnostic = keyword ? FilterErrors.ReservedKeyword(offending) : FilterErrors.ExpectedValue(offending);
            failure = new ValueFailure(ErrorAt(start, end, diagnostic), Fatal: false, Keyword: keyword);
            Position = saved;
            return false;
        }

        Position = start + word.Length;
        SkipWhitespace();
        value = word;
        failure = null;
        return true;
    }

    private bool TryReadQuoted(out string value, out ValueFailure? failure)
    {
        value = string.Empty;
        var open = Position;
        var quote = text[open];
        var i = open + 1;
        while (i < text.Length && text[i] != quote)
        {
            if (text[i] == '\\')
            {
                if (i + 1 >= text.Length)
                {
                    // A trailing backslash escapes the end of input: Meilisearch calls that a malformed value.
                    failure = Fatal(open + 1, text.Length, FilterErrors.MalformedValue(text[(open + 1)..]));
                    return false;
                }

                i++;
            }

            i++;
        }

        if (i >= text.Length)
        {
            failure = Fatal(open, text.Length, FilterErrors.MissingClosingDelimiter(text[open..], quote));
            return false;
        }

        var raw = text[(open + 1)..i];
        if (!TryUnescape(raw, out value, out var badNumber))
        {
            var diagnostic = badNumber ? FilterErrors.InvalidEscapedNumber(raw) : FilterErrors.MalformedValue(raw);
            failure = Fatal(open + 1, i, diagnostic);
            return false;
        }

        Position = i + 1;
        SkipWhitespace();
        failure = null;
        return true;
    }

    private ValueFailure Fatal(int start, int end, string diagnostic) =>
        new(ErrorAt(start, end, diagnostic), Fatal: true, Keyword: false);

    /// <summary>
    /// Interprets backslash escapes in a quoted value: <c>\\ \" \' \n \r \t \0 \b \f \/ \xHH \u{H…} \uHHHH</c>.
    /// Meilisearch unescapes the quote first and then the standard escapes; for every well-formed input that is the
    /// same as this single pass.
    /// </summary>
    internal static bool TryUnescape(string raw, out string value, out bool badNumber)
    {
        badNumber = false;
        value = raw;
        if (!raw.Contains('\\', StringComparison.Ordinal))
        {
            return true;
        }

        var builder = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != '\\')
            {
                builder.Append(raw[i]);
                continue;
            }

            if (++i >= raw.Length)
            {
                return false;
            }

            switch (raw[i])
            {
                case '\\': builder.Append('\\'); break;
                case '"': builder.Append('"'); break;
                case '\'': builder.Append('\''); break;
                case '/': builder.Append('/'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case '0': builder.Append('\0'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'x':
                    if (!TryHex(raw, i + 1, 2, out var code) || code > 0x7F)
                    {
                        badNumber = true;
                        return false;
                    }

                    builder.Append((char)code);
                    i += 2;
                    break;
                case 'u':
                    if (!TryUnicodeEscape(raw, ref i, builder))
                    {
                        badNumber = true;
                        return false;
                    }

                    break;
                default:
                    return false;
            }
        }

        value = builder.ToString();
        return true;
    }

    private static bool TryUnicodeEscape(string raw, ref int i, StringBuilder builder)
    {
        int code;
        if (i + 1 < raw.Length && raw[i + 1] == '{')
        {
            var close = raw.IndexOf('}', i + 2);
            if (close < 0 || close - (i + 2) is < 1 or > 6 || !TryHex(raw, i + 2, close - (i + 2), out code))
            {
                return false;
            }

            i = close;
        }
        else
        {
            if (!TryHex(raw, i + 1, 4, out code))
            {
                return false;
            }

            i += 4;
        }

        if (!Rune.IsValid(code))
        {
            return false;
        }

        builder.Append(new Rune(code).ToString());
        return true;
    }

    private static bool TryHex(string raw, int start, int length, out int code) =>
        int.TryParse(
            start + length <= raw.Length ? raw.AsSpan(start, length) : [],
            NumberStyles.AllowHexSpecifier,
            CultureInfo.InvariantCulture,
            out code);

    /// <summary>Reads a decimal number literal (<c>[+-] digits [. digits] [e [+-] digits]</c>) and returns its text.</summary>
    public bool TryReadNumber(out string number)
    {
        var start = Position;
        var i = start;
        if (i < text.Length && text[i] is '+' or '-')
        {
            i++;
        }

        var integerDigits = CountDigits(i);
        i += integerDigits;
        var fractionDigits = 0;
        if (i < text.Length && text[i] == '.')
        {
            fractionDigits = CountDigits(i + 1);
            if (integerDigits > 0 || fractionDigits > 0)
            {
                i += 1 + fractionDigits;
            }
        }

        if (integerDigits == 0 && fractionDigits == 0)
        {
            number = string.Empty;
            return false;
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            var j = i + 1;
            if (j < text.Length && text[j] is '+' or '-')
            {
                j++;
            }

            var exponentDigits = CountDigits(j);
            if (exponentDigits == 0)
            {
                number = string.Empty;
                return false;
            }

            i = j + exponentDigits;
        }

        number = text[start..i];
        Position = i;
        return true;
    }

    private int CountDigits(int start)
    {
        var i = start;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i - start;
    }
}
