using Platform.Search.Embedded.Analysis;
using Platform.Search.Embedded.Querying;

namespace Platform.Search.Embedded.Ranking;

/// <summary>How one analysed token of a document relates to one query word.</summary>
internal static class TermMatching
{
    /// <summary>Typos used to match <paramref name="token"/> against <paramref name="term"/> (a single word), or -1.</summary>
    public static int Match(string token, QueryTerm term, out bool exact)
    {
        var word = term.Word;
        exact = string.Equals(token, word, StringComparison.Ordinal);
        if (exact)
        {
            return 0;
        }

        if (term.IsPrefix && token.StartsWith(word, StringComparison.Ordinal))
        {
            return 0;
        }

        if (term.MaxTypos > 0 && Math.Abs(token.Length - word.Length) <= term.MaxTypos)
        {
            var d = Distance(word, token, term.MaxTypos);
            return d <= term.MaxTypos ? d : -1;
        }

        return -1;
    }

    /// <summary>True when the phrase's words appear at <paramref name="at"/> consecutively.</summary>
    public static bool PhraseAt(List<TextToken> tokens, int at, string[] words)
    {
        if (at + words.Length > tokens.Count)
        {
            return false;
        }

        for (var k = 0; k < words.Length; k++)
        {
            if (!string.Equals(tokens[at + k].Term, words[k], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Tokens to highlight for a query, as (token index, highlighted characters): whole tokens for exact and typo
    /// matches, the query word's length for prefix matches.
    /// </summary>
    public static List<(int Token, int Chars)> Highlights(List<TextToken> tokens, ParsedQuery query)
    {
        var result = new List<(int, int)>();
        for (var j = 0; j < tokens.Count; j++)
        {
            var tok = tokens[j];
            var chars = 0;
            foreach (var term in query.Terms)
            {
                if (term.IsPhrase)
                {
                    for (var k = 0; k < term.Words.Length && j - k >= 0; k++)
                    {
                        if (PhraseAt(tokens, j - k, term.Words))
                        {
                            chars = tok.End - tok.Start;
                        }
                    }

                    continue;
                }

                if (Match(tok.Term, term, out var exact) >= 0)
                {
                    var full = tok.End - tok.Start;
                    var isPrefixOnly = !exact && term.IsPrefix && tok.Term.StartsWith(term.Word, StringComparison.Ordinal);
                    chars = Math.Max(chars, isPrefixOnly ? Math.Min(term.Word.Length, full) : full);
                }
            }

            if (chars > 0)
            {
                result.Add((j, chars));
            }
        }

        return result;
    }

    /// <summary>Optimal-string-alignment distance (Damerau with adjacent transpositions), as Lucene's fuzzy automata count it; stops early past <paramref name="max"/>.</summary>
    public static int Distance(string a, string b, int max)
    {
        var n = a.Length;
        var m = b.Length;
        if (n == 0 || m == 0)
        {
            return Math.Max(n, m);
        }

        Span<int> prev2 = m + 1 <= 128 ? stackalloc int[m + 1] : new int[m + 1];
        Span<int> prev = m + 1 <= 128 ? stackalloc int[m + 1] : new int[m + 1];
        Span<int> cur = m + 1 <= 128 ? stackalloc int[m + 1] : new int[m + 1];
        for (var j = 0; j <= m; j++)
        {
            prev[j] = j;
        }

        for (var i = 1; i <= n; i++)
        {
            cur[0] = i;
            var rowMin = cur[0];
            for (var j = 1; j <= m; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    v = Math.Min(v, prev2[j - 2] + 1);
                }

                cur[j] = v;
                rowMin = Math.Min(rowMin, v);
            }

            if (rowMin > max)
            {
                return max + 1;
            }

            var t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }

        return prev[m];
    }
}
