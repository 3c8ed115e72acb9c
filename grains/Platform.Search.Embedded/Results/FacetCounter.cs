using System.Globalization;
using Platform.Search.Embedded.Json;
using Platform.Search.Engine;

namespace Platform.Search.Embedded.Results;

/// <summary>
/// Counts facet values over every matching document (not only the returned page). Strings are grouped
/// case-insensitively and shown as first met; numbers also feed <c>facetStats</c>. Each document counts once per value.
/// </summary>
internal sealed class FacetCounter
{
    private readonly IReadOnlyList<string> _requested;
    private readonly IndexSettings _settings;
    private readonly int _maxValues;
    private readonly Dictionary<string, Dictionary<string, (string Display, int Count, double? Number)>> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (double Min, double Max)> _stats = new(StringComparer.Ordinal);
    private readonly HashSet<(string, string)> _seenInDocument = [];

    public FacetCounter(IReadOnlyList<string> requested, IndexSettings settings, int maxValues)
    {
        if (requested.Contains(SearchEngineErrors.TenantAttribute))
        {
            throw SearchEngineErrors.ReservedAttribute("facets");
        }

        // Meilisearch names every facet that is not filterable in one error.
        var notFilterable = requested.Where(f => !f.Contains('*', StringComparison.Ordinal) && !AttributePatterns.AnyCovers(settings.FilterableAttributes, f)).ToList();
        if (notFilterable.Count > 0)
        {
            throw SearchEngineErrors.FacetsNotFilterable(notFilterable, settings.FilterableAttributes);
        }

        foreach (var facet in requested.Where(f => !f.Contains('*', StringComparison.Ordinal)))
        {
            _values[facet] = new Dictionary<string, (string, int, double?)>(StringComparer.Ordinal);
        }

        _requested = requested;
        _settings = settings;
        _maxValues = maxValues;
    }

    public void Add(List<Leaf> leaves)
    {
        _seenInDocument.Clear();
        foreach (var leaf in leaves)
        {
            if (leaf.Kind is not (LeafKind.String or LeafKind.Number or LeafKind.Bool) || !Wanted(leaf.Path))
            {
                continue;
            }

            if (!_values.TryGetValue(leaf.Path, out var counts))
            {
                counts = new Dictionary<string, (string, int, double?)>(StringComparer.Ordinal);
                _values[leaf.Path] = counts;
            }

            string key, display;
            double? number = null;
            if (leaf.Kind == LeafKind.Number)
            {
                number = leaf.Number;
                key = display = leaf.Number.ToString("R", CultureInfo.InvariantCulture);
                _stats[leaf.Path] = _stats.TryGetValue(leaf.Path, out var s)
                    ? (Math.Min(s.Min, leaf.Number), Math.Max(s.Max, leaf.Number))
                    : (leaf.Number, leaf.Number);
            }
            else
            {
                display = leaf.Text;
                key = leaf.Text.ToLowerInvariant();
            }

            if (!_seenInDocument.Add((leaf.Path, key)))
            {
                continue;
            }

            counts[key] = counts.TryGetValue(key, out var existing)
                ? (existing.Display, existing.Count + 1, existing.Number)
                : (display, 1, number);
        }
    }

    private bool Wanted(string path)
    {
        if (_values.ContainsKey(path))
        {
            return true;
        }

        foreach (var pattern in _requested)
        {
            if (pattern.Contains('*', StringComparison.Ordinal) && AttributePatterns.SelectsWhole(pattern, path)
                && path != SearchEngineErrors.TenantAttribute && AttributePatterns.AnyCovers(_settings.FilterableAttributes, path))
            {
                return true;
            }
        }

        return false;
    }

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Distribution()
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, int>>(StringComparer.Ordinal);
        foreach (var (facet, counts) in _values.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var ordered = counts.Values
                .OrderBy(v => v.Number is null ? 1 : 0)
                .ThenBy(v => v.Number ?? 0)
                .ThenBy(v => v.Display.ToLowerInvariant(), StringComparer.Ordinal)
                .Take(_maxValues);
            var values = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var v in ordered)
            {
                values[v.Display] = v.Count;
            }

            result[facet] = values;
        }

        return result;
    }

    public IReadOnlyDictionary<string, FacetStats> Stats() =>
        _stats.OrderBy(p => p.Key, StringComparer.Ordinal)
            .ToDictionary(p => p.Key, p => new FacetStats(p.Value.Min, p.Value.Max), StringComparer.Ordinal);
}
