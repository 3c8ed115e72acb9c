using System.Text.Json.Nodes;
using Platform.Search.Engine;

namespace Platform.Api.Search;

/// <summary>
/// Merges the per-query results of a federated search into one list: hits ordered by
/// <c>_rankingScore × weight</c> (ties go to the earlier query, and each query keeps its own order), counts summed,
/// facets per index or merged.
/// </summary>
internal static class FederatedMerge
{
    /// <summary>The slice of the merged list to return, and how many hits each query must contribute for it.</summary>
    public readonly record struct Slice(int Start, int Count, int Needed);

    public static Slice Window(FederationSettings federation)
    {
        var pagination = Paging(federation);
        var needed = (int)Math.Min(pagination.Start + pagination.Count, MultiSearchOrchestrator.MaxFederatedHits);
        return new Slice((int)Math.Min(pagination.Start, int.MaxValue), (int)Math.Min(pagination.Count, int.MaxValue), needed);
    }

    public static FederatedSearchResult Merge(
        IReadOnlyList<MultiSearchQuery> queries, IReadOnlyList<SearchResponse> responses, FederationSettings federation, Slice window)
    {
        var merged = Rank(queries, responses, window.Needed);
        var hits = new List<JsonObject>();
        for (var k = window.Start; k < merged.Count && hits.Count < window.Count; k++)
        {
            var (position, score) = merged[k];
            hits.Add(Decorate(position.Hit, queries[position.Query], score));
        }

        var total = responses.Sum(r => r.EstimatedTotalHits ?? r.TotalHits ?? 0);
        var pagination = Paging(federation);
        var result = pagination.IsPageMode
            ? new FederatedSearchResult
            {
                Hits = hits,
                HitsPerPage = pagination.HitsPerPage,
                Page = pagination.Page,
                TotalHits = total,
                TotalPages = pagination.TotalPages(total),
            }
            : new FederatedSearchResult { Hits = hits, Limit = federation.Limit, Offset = federation.Offset, EstimatedTotalHits = total };

        if (federation.FacetsByIndex.Count == 0) return result;
        var byIndex = FacetsByIndex(queries, responses, federation);
        return federation.MergeFacets
            ? result with { MergedFacets = FacetMerger.Merge(byIndex.Values, federation.MaxValuesPerFacet) }
            : result with { FacetsByIndex = byIndex };
    }

    private static Pagination Paging(FederationSettings federation) =>
        Pagination.Of(federation.Page, federation.HitsPerPage, federation.Offset, federation.Limit);

    private readonly record struct HitPosition(int Query, JsonObject Hit);

    /// <summary>A k-way merge of the per-query lists, so each query's own order (sort, distinct) is kept.</summary>
    private static List<(HitPosition Position, double Score)> Rank(
        IReadOnlyList<MultiSearchQuery> queries, IReadOnlyList<SearchResponse> responses, int needed)
    {
        var next = new int[responses.Count];
        var merged = new List<(HitPosition, double)>();
        while (merged.Count < needed)
        {
            var best = -1;
            var bestScore = double.NegativeInfinity;
            for (var q = 0; q < responses.Count; q++)
            {
                if (next[q] >= responses[q].Hits.Count) continue;
                var score = Score(responses[q].Hits[next[q]]) * queries[q].Weight;
                // Strictly greater: on a tie the earlier query wins.
                if (best < 0 || score > bestScore)
                {
                    best = q;
                    bestScore = score;
                }
            }

            if (best < 0) break;
            merged.Add((new HitPosition(best, responses[best].Hits[next[best]]), bestScore));
            next[best]++;
        }

        return merged;
    }

    private static double Score(JsonObject hit) =>
        hit["_rankingScore"] is JsonValue value && value.TryGetValue<double>(out var score) ? score : 0;

    private static JsonObject Decorate(JsonObject hit, MultiSearchQuery query, double weightedScore)
    {
        // The score was requested for merging; the client sees it only if it asked.
        if (!query.Request.ShowRankingScore)
        {
            hit.Remove("_rankingScore");
        }

        hit["_federation"] = new JsonObject
        {
            ["indexUid"] = query.IndexUid,
            ["queriesPosition"] = query.Position,
            ["weightedRankingScore"] = SerdeNumbers.Node(weightedScore),
        };
        return hit;
    }

    /// <summary>
    /// The facets of each index named in <c>facetsByIndex</c>, over the queries that search it. An index no query
    /// searches has nothing to count.
    /// </summary>
    // REVIEW: Meilisearch counts each document once over the union of an index's queries; the engine counts per
    // query, so a document matched by two queries on the same index is counted twice. Exact with one query per index.
    private static SortedDictionary<string, FacetResults> FacetsByIndex(
        IReadOnlyList<MultiSearchQuery> queries, IReadOnlyList<SearchResponse> responses, FederationSettings federation)
    {
        var result = new SortedDictionary<string, FacetResults>(StringComparer.Ordinal);
        foreach (var index in federation.FacetsByIndex.Keys)
        {
            var parts = queries
                .Where(q => q.IndexUid == index)
                .Select(q => new FacetResults(
                    responses[q.Position].FacetDistribution ?? new Dictionary<string, IReadOnlyDictionary<string, int>>(),
                    responses[q.Position].FacetStats ?? new Dictionary<string, FacetStats>()))
                .ToList();
            result[index] = parts.Count == 1 ? parts[0] : FacetMerger.Merge(parts, maxValuesPerFacet: null);
        }

        return result;
    }
}
