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
        var hits = Scan(leaves);
        if (hits is null)
        {
            return null;
        }

        return _query.Terms.Count == 0 ? Relevance.Placeholder : Grade(hits);
    }

    /// <summary>The best match of each query term over a document's searchable values.</summary>
    private sealed class TermHits
    {
        public TermHits(int n)
        {
            Matched = new bool[n];
            BestTypo = new int[n];
            BestRank = new int[n];
            ExactHit = new bool[n];
            Positions = new List<(int Value, int Pos)>[n];
            for (var i = 0; i < n; i++)
            {
                BestTypo[i] = int.MaxValue;
                BestRank[i] = int.MaxValue;
                Positions[i] = [];
            }
        }

        public bool[] Matched { get; }

        public int[] BestTypo { get; }

        public int[] BestRank { get; }

        public bool[] ExactHit { get; }

        public List<(int Value, int Pos)>[] Positions { get; }

        /// <summary>Some value is exactly the query's words, in order.</summary>
        public bool FullEquality { get; set; }

        public int AttributeCount { get; set; } = 1;
    }

    /// <summary>Matches every searchable value against the terms; null when a negated word is present.</summary>
    private TermHits? Scan(List<Leaf> leaves)
    {
        var terms = _query.Terms;
        var n = terms.Count;
        var hits = new TermHits(n);
        var topLevel = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var leaf in leaves)
        {
            if (leaf.TopLevel)
            {
                topLevel[leaf.Path] = topLevel.Count;
            }
        }

        var valueId = 0;
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

            hits.AttributeCount = Math.Max(hits.AttributeCount, rank + 1);
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

                hits.FullEquality |= equal;
            }

            for (var j = 0; j < _tokens.Count; j++)
            {
                MatchToken(hits, j, rank, valueId);
            }
        }

        return hits;
    }

    /// <summary>Records which terms token <paramref name="j"/> of the current value matches, and how well.</summary>
    private void MatchToken(TermHits hits, int j, int rank, int valueId)
    {
        var token = _tokens[j].Term;
        var terms = _query.Terms;
        for (var i = 0; i < terms.Count; i++)
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

            hits.Matched[i] = true;
            hits.BestTypo[i] = Math.Min(hits.BestTypo[i], typo);
            hits.BestRank[i] = Math.Min(hits.BestRank[i], rank);
            hits.ExactHit[i] |= exact;
            if (hits.Positions[i].Count < MaxPositions)
            {
                hits.Positions[i].Add((valueId, j));
            }
        }
    }

    /// <summary>Grades the kept terms rule by rule; null when too few terms matched for the strategy.</summary>
    private Relevance? Grade(TermHits hits)
    {
        var terms = _query.Terms;
        var n = terms.Count;
        var kept = Kept(hits.Matched);
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
            typos += hits.BestTypo[i];
            maxTypos += terms[i].MaxTypos;
            attribute += hits.BestRank[i];
            exactness += hits.ExactHit[i] ? 1 : 0;
        }

        var proximity = 0;
        for (var k = 1; k < keptTerms.Count; k++)
        {
            proximity += Proximity(hits.Positions[keptTerms[k - 1]], hits.Positions[keptTerms[k]]);
        }

        if (hits.FullEquality && kept == n)
        {
            exactness++;
        }

        var score = 0.0;
        var width = 1.0;
        Bucket(ref score, ref width, kept - 1, n);
        Bucket(ref score, ref width, maxTypos - typos, maxTypos + 1);
        var maxProximity = MaxProximity * (kept - 1);
        Bucket(ref score, ref width, maxProximity - proximity, maxProximity + 1);
        var maxAttribute = kept * (hits.AttributeCount - 1);
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
