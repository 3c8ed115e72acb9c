using Platform.Search.Embedded.Json;
using Platform.Search.Embedded.Ranking;
using Platform.Search.Engine;

namespace Platform.Search.Embedded.Results;

/// <summary>The <c>distinct</c> attribute of a search: which one applies, and keeping one hit per value of it.</summary>
internal static class DistinctAttribute
{
    /// <summary>The request's attribute (which must be filterable), else the index setting, else null.</summary>
    public static string? Resolve(SearchRequest request, string indexUid, IndexSettings settings)
    {
        if (request.Distinct is null)
        {
            return settings.DistinctAttribute;
        }

        if (request.Distinct == SearchEngineErrors.TenantAttribute)
        {
            throw SearchEngineErrors.ReservedAttribute("distinct");
        }

        if (!AttributePatterns.AnyCovers(settings.FilterableAttributes, request.Distinct))
        {
            var (visible, hidden) = DisplayedNames.Split(settings.FilterableAttributes, settings);
            throw SearchEngineErrors.DistinctNotFilterable(indexUid, request.Distinct, visible, hidden);
        }

        return request.Distinct;
    }

    /// <summary>The best-ranked hit per value; a hit sharing any value with a better one is dropped.</summary>
    public static List<RankedCandidate> Apply(List<RankedCandidate> ranked, string attribute)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<RankedCandidate>(ranked.Count);
        foreach (var candidate in ranked)
        {
            var values = candidate.Leaves!
                .Where(l => l.Path == attribute && l.Kind is LeafKind.String or LeafKind.Number or LeafKind.Bool)
                .Select(l => l.Kind == LeafKind.Number ? "n:" + l.Text : "s:" + l.Text.ToLowerInvariant())
                .ToList();
            if (values.Count > 0 && values.Any(seen.Contains))
            {
                continue;
            }

            seen.UnionWith(values);
            kept.Add(candidate);
        }

        return kept;
    }
}
