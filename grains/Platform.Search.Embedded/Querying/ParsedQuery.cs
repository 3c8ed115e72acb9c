using System.Text;
using Platform.Search.Embedded.Analysis;

namespace Platform.Search.Embedded.Querying;

/// <summary>A query term: one word (maybe prefix, maybe typo-tolerant) or an exact phrase.</summary>
internal sealed record QueryTerm(string[] Words, bool IsPhrase, bool IsPrefix, int MaxTypos)
{
    public string Word => Words[0];
}

/// <summary>
/// The <c>q</c> string split Meilisearch's way: double-quoted phrases, <c>-word</c>/<c>-"phrase"</c> negations, at most
/// ten positive words, prefix matching on the last word unless the query ends with a space, and typo budgets
/// of one typo from 5 characters and two from 9.
/// </summary>
internal sealed class ParsedQuery
{
    public const int MaxWords = 10;

    private ParsedQuery(string text, List<QueryTerm> terms, List<QueryTerm> negations)
    {
        Text = text;
        Terms = terms;
        Negations = negations;
    }

    public string Text { get; }

    public IReadOnlyList<QueryTerm> Terms { get; }

    public IReadOnlyList<QueryTerm> Negations { get; }

    public bool IsPlaceholder => Terms.Count == 0 && Negations.Count == 0;

    public static int TypoBudget(string word) => word.Length >= 9 ? 2 : word.Length >= 5 ? 1 : 0;

    public static ParsedQuery Parse(string? q, TextAnalyzer analyzer)
    {
        var terms = new List<QueryTerm>();
        var negations = new List<QueryTerm>();
        if (string.IsNullOrWhiteSpace(q))
        {
            return new ParsedQuery(q ?? "", terms, negations);
        }

        var i = 0;
        var lastWasPlainWord = false;
        while (i < q.Length)
        {
            if (char.IsWhiteSpace(q[i]))
            {
                i++;
                continue;
            }

            var negative = q[i] == '-' && i + 1 < q.Length && !char.IsWhiteSpace(q[i + 1]);
            if (negative)
            {
                i++;
            }

            if (q[i] == '"')
            {
                var close = q.IndexOf('"', i + 1);
                var inner = close < 0 ? q[(i + 1)..] : q[(i + 1)..close];
                i = close < 0 ? q.Length : close + 1;
                var words = analyzer.Tokenize(inner).Select(t => t.Term).ToArray();
                if (words.Length > 0)
                {
                    (negative ? negations : terms).Add(new QueryTerm(words, true, false, 0));
                }

                lastWasPlainWord = false;
                continue;
            }

            var chunk = new StringBuilder();
            while (i < q.Length && !char.IsWhiteSpace(q[i]) && q[i] != '"')
            {
                chunk.Append(q[i++]);
            }

            foreach (var token in analyzer.Tokenize(chunk.ToString()))
            {
                var term = new QueryTerm([token.Term], false, false, negative ? 0 : TypoBudget(token.Term));
                (negative ? negations : terms).Add(term);
                lastWasPlainWord = !negative;
            }
        }

        if (terms.Count > MaxWords)
        {
            terms.RemoveRange(MaxWords, terms.Count - MaxWords);
        }

        var endsOpen = !char.IsWhiteSpace(q[^1]);
        if (terms.Count > 0 && lastWasPlainWord && endsOpen && !terms[^1].IsPhrase)
        {
            terms[^1] = terms[^1] with { IsPrefix = true };
        }

        return new ParsedQuery(q, terms, negations);
    }
}
