using System.Text;
using Lucene.Net.Analysis.Miscellaneous;
using Platform.Search.Embedded.Json;
using Platform.Search.Engine;

namespace Platform.Search.Embedded.Results;

/// <summary>
/// Collects the values of one facet over the selected documents and keeps those matching the facet query, the way
/// Meilisearch's facet search does: the query is a prefix of the whole value (not of its words), compared after
/// lower-casing and accent folding, with 1 typo from 5 bytes and 2 from 9. String and boolean values only (numbers
/// are not facet-searchable). Values are grouped case-insensitively and shown as in the first document carrying them;
/// each document counts once per value. Results are in lexicographic order of the normalised value (Meilisearch's
/// default <c>sortFacetValuesBy</c>), at most <c>maxValues</c>.
/// </summary>
internal sealed class FacetValueSearch
{
    private readonly string _facet;
    private readonly string? _query;
    private readonly int _maxTypos;
    private readonly Dictionary<string, Entry> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _seenInDocument = new(StringComparer.Ordinal);

    public FacetValueSearch(string facet, string? facetQuery)
    {
        _facet = facet;
        if (facetQuery is not null)
        {
            _query = Normalize(facetQuery);
            var bytes = Encoding.UTF8.GetByteCount(_query);
            _maxTypos = bytes < 5 ? 0 : bytes < 9 ? 1 : 2;
        }
    }

    /// <summary>Refuses the tenant attribute and facets that are not filterable, with Meilisearch's error.</summary>
    public static void Validate(string facet, IndexSettings settings)
    {
        if (facet == SearchEngineErrors.TenantAttribute || facet.StartsWith(SearchEngineErrors.TenantAttribute + ".", StringComparison.Ordinal))
        {
            throw SearchEngineErrors.ReservedAttribute("facet search");
        }

        if (!AttributePatterns.AnyCovers(settings.FilterableAttributes, facet))
        {
            var (visible, hidden) = DisplayedNames.Split(settings.FilterableAttributes, settings);
            throw SearchEngineErrors.FacetNotSearchable(facet, visible, hidden);
        }
    }

    public void Add(List<Leaf> leaves)
    {
        _seenInDocument.Clear();
        foreach (var leaf in leaves)
        {
            if (leaf.Kind is not (LeafKind.String or LeafKind.Bool) || leaf.Path != _facet)
            {
                continue;
            }

            var key = leaf.Text.ToLowerInvariant();
            if (!_seenInDocument.Add(key))
            {
                continue;
            }

            if (_values.TryGetValue(key, out var entry))
            {
                entry.Count++;
                continue;
            }

            var normalized = Normalize(leaf.Text);
            if (_query is not null && PrefixDistance(_query, normalized, _maxTypos) > _maxTypos)
            {
                _values[key] = new Entry(leaf.Text, normalized) { Rejected = true };
                continue;
            }

            _values[key] = new Entry(leaf.Text, normalized) { Count = 1 };
        }
    }

    public List<FacetHit> Hits(int maxValues) =>
        _values
            .Where(p => !p.Value.Rejected)
            .OrderBy(p => p.Value.Normalized, StringComparer.Ordinal)
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(maxValues)
            .Select(p => new FacetHit(p.Value.Display, p.Value.Count))
            .ToList();

    /// <summary>Lower-case and fold accents and ligatures to ASCII where Lucene knows how (<c>Élan</c> → <c>elan</c>).</summary>
    internal static string Normalize(string text)
    {
        var lower = text.ToLowerInvariant().ToCharArray();
        var output = new char[lower.Length * 4];
        var length = ASCIIFoldingFilter.FoldToASCII(lower, 0, output, 0, lower.Length);
        return new string(output, 0, length);
    }

    /// <summary>
    /// The fewest edits (insert, delete, substitute, swap two adjacent characters) turning <paramref name="query"/>
    /// into some prefix of <paramref name="value"/>; anything above <paramref name="max"/> is reported as max + 1.
    /// </summary>
    internal static int PrefixDistance(string query, string value, int max)
    {
        var n = query.Length;
        if (n == 0)
        {
            return 0;
        }

        if (max == 0)
        {
            return value.StartsWith(query, StringComparison.Ordinal) ? 0 : 1;
        }

        // Row i: distances between value[..i] and every query[..j].
        var prev2 = new int[n + 1];
        var prev = new int[n + 1];
        var cur = new int[n + 1];
        for (var j = 0; j <= n; j++)
        {
            prev[j] = j;
        }

        var best = prev[n];
        var previousRowMin = 0;
        for (var i = 1; i <= value.Length; i++)
        {
            cur[0] = i;
            var rowMin = cur[0];
            for (var j = 1; j <= n; j++)
            {
                var cost = value[i - 1] == query[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && value[i - 1] == query[j - 2] && value[i - 2] == query[j - 1])
                {
                    v = Math.Min(v, prev2[j - 2] + 1);
                }

                cur[j] = v;
                rowMin = Math.Min(rowMin, v);
            }

            best = Math.Min(best, cur[n]);
            if (best == 0 || (rowMin > max && previousRowMin > max))
            {
                break;
            }

            previousRowMin = rowMin;
            (prev2, prev, cur) = (prev, cur, prev2);
        }

        return Math.Min(best, max + 1);
    }

    private sealed class Entry(string display, string normalized)
    {
        public string Display { get; } = display;

        public string Normalized { get; } = normalized;

        public int Count { get; set; }

        public bool Rejected { get; init; }
    }
}
