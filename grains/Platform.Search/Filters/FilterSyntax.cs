using System.Text;

namespace Platform.Search.Filters;

/// <summary>
/// Lexical facts of the filter language shared by <see cref="FilterParser"/> and <see cref="FilterPrinter"/>, so the
/// printer quotes exactly what the parser would not read back as a plain word.
/// </summary>
public static class FilterSyntax
{
    /// <summary>Upper-case words the parser treats as syntax; any other spelling (<c>and</c>, <c>Or</c>) is a plain word.</summary>
    public static IReadOnlySet<string> Keywords { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "AND", "OR", "IN", "NOT", "TO", "EXISTS", "IS", "NULL", "EMPTY", "CONTAINS", "STARTS", "WITH",
        "_geoRadius", "_geoBoundingBox", "_geoPolygon",
    };

    /// <summary>Geo field names that may never appear as a bare attribute or value (docs/rules-and-filters.md#filter-language).</summary>
    public static IReadOnlySet<string> ReservedGeoWords { get; } =
        new HashSet<string>(StringComparer.Ordinal) { "_geo", "_geoDistance", "_geoPoint" };

    /// <summary>True when <paramref name="text"/> reads back as itself without quotes.</summary>
    public static bool IsPlainWord(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0 || Keywords.Contains(text) || ReservedGeoWords.Contains(text))
        {
            return false;
        }

        for (var i = 0; i < text.Length;)
        {
            var length = WordRuneLength(text, i);
            if (length == 0)
            {
                return false;
            }

            i += length;
        }

        return true;
    }

    /// <summary>UTF-16 length of the word character at <paramref name="index"/>, or 0 when it is not one.</summary>
    /// <remarks>Words are Unicode letters and numbers plus <c>_ - .</c>. Meilisearch uses Rust's
    /// <c>char::is_alphanumeric</c>, which also admits a few combining marks; those need quotes here.</remarks>
    internal static int WordRuneLength(string text, int index)
    {
        var c = text[index];
        if (c is '_' or '-' or '.')
        {
            return 1;
        }

        if (Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
        {
            return 0;
        }

        return Rune.IsLetter(rune) || Rune.IsNumber(rune) ? consumed : 0;
    }

    /// <summary>Characters that end the "offending word" Meilisearch quotes in a missing-value message.</summary>
    internal static bool IsSyntaxCharacter(char c) =>
        char.IsWhiteSpace(c) || c is '(' or ')' or '=' or '<' or '>' or '!';
}
