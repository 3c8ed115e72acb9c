using Platform.Search.Embedded.Analysis;
using Platform.Search.Embedded.Json;
using Platform.Search.Embedded.Querying;
using Platform.Search.Engine;

namespace Platform.Search.Embedded.Ranking;

/// <summary>Relevance of one document, compared rule by rule like Meilisearch's default ranking rules.</summary>
internal readonly record struct Relevance(int Words, int Typos, int Proximity, int Attribute, int Exactness, double Score)
{
    public static Relevance Placeholder { get; } = new(0, 0, 0, 0, 0, 1.0);
}

/// <summary>
/// Re-matches a candidate document against the query in process, over its searchable attributes only, and grades it
/// by the rules words → typo → proximity → attribute → exactness. Returns null when the document does not qualify
/// (a negated word is present, or too few words match for the matching strategy).
/// </summary>
internal sealed class DocumentMatcher
{
    private const int MaxProximity = 8;
    private const int MaxPositions = 64;

    private readonly ParsedQuery _query;
    private readonly IReadOnlyList<int> _removalOrder;
    private readonly MatchingStrategy _strategy;
    private readonly IReadOnlyList<string> _searchable;
    private readonly TextAnalyzer _analyzer;
    private readonly List<TextToken> _tokens = [];
    private readonly int[] _removalPosition;
    private readonly bool _wordsOnly;

    public DocumentMatcher(ParsedQuery query, IReadOnlyList<int> removalOrder, MatchingStrategy strategy, IReadOnlyList<string> searchable, TextAnalyzer analyzer)
    {
        _query = query;
        _removalOrder = removalOrder;
        _strategy = strategy;
        _searchable = searchable;
        _analyzer = analyzer;
        _wordsOnly = query.Terms.All(t => !t.IsPhrase);
        _removalPosition = new int[removalOrder.Count];
        for (var r = 0; r < removalOrder.Count; r++)
        {
            _removalPosition[removalOrder[r]] = r;
        }
    }

    public Relevance? Evaluate(List<Leaf> leaves)
    {
        var terms = _query.Terms;
        var n = terms.Count;
        var matched = new bool[n];
        var bestTypo = new int[n];
        var bestRank = new int[n];
        var exactHit = new bool[n];
        var positions = new List<(int Value, int Pos)>[n];
        for (var i = 0; i < n; i++)
        {
            bestTypo[i] = int.MaxValue;
            bestRank[i] = int.MaxValue;
            positions[i] = [];
        }

        var fullEquality = false;
        var topLevel = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var leaf in leaves)
        {
            if (leaf.TopLevel)
            {
                topLevel[leaf.Path] = topLevel.Count;
            }
        }

        var valueId = 0;
        var attributeCount = 1;
        foreach (var leaf in leaves)
        {
            if (leaf.Kind is not (LeafKind.String or LeafKind.Number or LeafKind.Bool))
            {
                continue;
            }

            var rank = Rank(leaf.Path, topLevel);
            if (rank < 0)
            {
                continue;
            }

            attributeCount = Math.Max(attributeCount, rank + 1);
            valueId++;
            _analyzer.Tokenize(leaf.Text, _tokens);
            if (IsNegated(_tokens))
            {
                return null;
            }

            if (_tokens.Count == n && n > 0 && _wordsOnly)
            {
                var equal = true;
                for (var k = 0; k < n && equal; k++)
                {
                    equal = _tokens[k].Term == terms[k].Word;
                }

                fullEquality |= equal;
            }

            for (var j = 0; j < _tokens.Count; j++)
            {
                var token = _tokens[j].Term;
                for (var i = 0; i < n; i++)
                {
                    var term = terms[i];
                    int typo;
                    bool exact;
                    if (term.IsPhrase)
                    {
                        exact = TermMatching.PhraseAt(_tokens, j, term.Words);
                        typo = exact ? 0 : -1;
                    }
                    else
                    {
                        typo = TermMatching.Match(token, term, out exact);
                    }

                    if (typo < 0)
                    {
                        continue;
                    }

                    matched[i] = true;
                    bestTypo[i] = Math.Min(bestTypo[i], typo);
                    bestRank[i] = Math.Min(bestRank[i], rank);
                    exactHit[i] |= exact;
                    if (positions[i].Count < MaxPositions)
                    {
                        positions[i].Add((valueId, j));
                    }
                }
            }
        }

        if (n == 0)
        {
            return Relevance.Placeholder;
        }

        var kept = Kept(matched);
        if (kept == 0 || (_strategy == MatchingStrategy.All && kept < n))
        {
            return null;
        }

        var keptTerms = new List<int>(kept);
        for (var i = 0; i < n; i++)
        {
            if (_removalPosition[i] >= n - kept)
            {
                keptTerms.Add(i);
            }
        }

        int typos = 0, maxTypos = 0, attribute = 0, exactness = 0;
        foreach (var i in keptTerms)
        {
            typos += bestTypo[i];
            maxTypos += terms[i].MaxTypos;
            attribute += bestRank[i];
            exactness += exactHit[i] ? 1 : 0;
        }

        var proximity = 0;
        for (var k = 1; k < keptTerms.Count; k++)
        {
            proximity += Proximity(positions[keptTerms[k - 1]], positions[keptTerms[k]]);
        }

        if (fullEquality && kept == n)
        {
            exactness++;
        }

        var score = 0.0;
        var width = 1.0;
        Bucket(ref score, ref width, kept - 1, n);
        Bucket(ref score, ref width, maxTypos - typos, maxTypos + 1);
        var maxProximity = MaxProximity * (kept - 1);
        Bucket(ref score, ref width, maxProximity - proximity, maxProximity + 1);
        var maxAttribute = kept * (attributeCount - 1);
        Bucket(ref score, ref width, Math.Max(0, maxAttribute - attribute), maxAttribute + 1);
        Bucket(ref score, ref width, exactness, kept + 2);
        score += width;
        return new Relevance(kept, typos, proximity, attribute, exactness, Math.Round(score, 6));
    }

    /// <summary>Narrows a score interval to bucket <paramref name="bucket"/> of <paramref name="buckets"/> (higher is better), so scores order like the rules.</summary>
    private static void Bucket(ref double score, ref double width, int bucket, int buckets)
    {
        if (buckets <= 1)
        {
            return;
        }

        bucket = Math.Clamp(bucket, 0, buckets - 1);
        width /= buckets;
        score += width * bucket;
    }

    private int Kept(bool[] matched)
    {
        var n = matched.Length;
        for (var kept = n; kept >= 1; kept--)
        {
            var ok = true;
            for (var r = n - kept; r < n && ok; r++)
            {
                ok = matched[_removalOrder[r]];
            }

            if (ok)
            {
                return kept;
            }
        }

        return 0;
    }

    private static int Proximity(List<(int Value, int Pos)> a, List<(int Value, int Pos)> b)
    {
        var best = MaxProximity;
        foreach (var pa in a)
        {
            foreach (var pb in b)
            {
                if (pa.Value != pb.Value)
                {
                    continue;
                }

                var d = pb.Pos - pa.Pos;
                var cost = d > 0 ? d : -d + 1;
                best = Math.Min(best, Math.Min(cost, MaxProximity - 1));
            }
        }

        return best - 1 < 0 ? 0 : best - 1;
    }

    private bool IsNegated(List<TextToken> tokens)
    {
        foreach (var negation in _query.Negations)
        {
            for (var j = 0; j < tokens.Count; j++)
            {
                if (negation.IsPhrase ? TermMatching.PhraseAt(tokens, j, negation.Words) : tokens[j].Term == negation.Word)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private int Rank(string path, Dictionary<string, int> topLevel)
    {
        for (var i = 0; i < _searchable.Count; i++)
        {
            var pattern = _searchable[i];
            if (!AttributePatterns.Covers(pattern, path))
            {
                continue;
            }

            if (pattern != "*")
            {
                return i;
            }

            var dot = path.IndexOf('.', StringComparison.Ordinal);
            return i + topLevel.GetValueOrDefault(dot < 0 ? path : path[..dot]);
        }

        return -1;
    }
}
