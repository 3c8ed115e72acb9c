using Platform.Search.Engine;

namespace Platform.Api.Search;

/// <summary>
/// Adds facet results together as Meilisearch's <c>mergeFacets</c> does: counts of the same value are summed, ranges
/// are widened, values are ordered by name and cut to <c>maxValuesPerFacet</c>.
/// </summary>
internal static class FacetMerger
{
    public static FacetResults Merge(IEnumerable<FacetResults> parts, int? maxValuesPerFacet)
    {
        var distribution = new SortedDictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var stats = new SortedDictionary<string, FacetStats>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            foreach (var (facet, values) in part.Distribution)
            {
                if (!distribution.TryGetValue(facet, out var counts))
                {
                    distribution[facet] = counts = new Dictionary<string, int>(StringComparer.Ordinal);
                }

                foreach (var (value, count) in values)
                {
                    counts[value] = counts.GetValueOrDefault(value) + count;
                }
            }

            foreach (var (facet, range) in part.Stats)
            {
                stats[facet] = stats.TryGetValue(facet, out var seen)
                    ? new FacetStats(Math.Min(seen.Min, range.Min), Math.Max(seen.Max, range.Max))
                    : range;
            }
        }

        var ordered = new Dictionary<string, IReadOnlyDictionary<string, int>>(StringComparer.Ordinal);
        foreach (var (facet, counts) in distribution)
        {
            IEnumerable<KeyValuePair<string, int>> values = counts.OrderBy(p => p.Key, StringComparer.Ordinal);
            if (maxValuesPerFacet is { } max)
            {
                values = values.Take(max);
            }

            ordered[facet] = values.ToDictionary(StringComparer.Ordinal);
        }

        return new FacetResults(ordered, stats);
    }
}
