using Lucene.Net.Index;
using Lucene.Net.Search;
using Platform.Search.Embedded.Storage;
using Platform.Search.Engine;

namespace Platform.Search.Embedded.Querying;

/// <summary>
/// The tenant's documents that can match: the query's candidate terms AND the filter, scoped to the tenant. Search
/// and facet search both start here, so neither can read outside the tenant.
/// </summary>
internal static class TenantCandidates
{
    /// <summary>The candidate doc ids, and the term removal order the matcher needs.</summary>
    public static (List<int> Ids, int[] RemovalOrder) Find(
        IndexSearcher searcher, LuceneIndex index, string tenant, ParsedQuery query, MatchingStrategy strategy, Query? filter)
    {
        var removalOrder = RemovalOrder(query, strategy, word => TenantFrequency(searcher, index, tenant, word, filter));
        Query candidates = CandidateQuery.Build(query, removalOrder, strategy);
        if (filter is not null)
        {
            candidates = new BooleanQuery { { candidates, Occur.MUST }, { filter, Occur.MUST } };
        }

        return (DocIdCollector.Collect(searcher, index.Scoped(tenant, candidates)), removalOrder);
    }

    /// <summary>
    /// Order in which terms are given up: last word first, or most frequent first for <c>frequency</c>. Frequencies
    /// are counted over the caller's own documents (tenant scope and filter) only: index-wide statistics would let
    /// one tenant count another's documents containing a word (docs/security.md#cross-tenant-statistics).
    /// </summary>
    private static int[] RemovalOrder(ParsedQuery query, MatchingStrategy strategy, Func<string, int> frequency)
    {
        var n = query.Terms.Count;
        var order = Enumerable.Range(0, n).Reverse().ToArray();
        if (strategy == MatchingStrategy.Frequency)
        {
            order = order
                .OrderByDescending(i => query.Terms[i].Words.Min(frequency))
                .ThenByDescending(i => i)
                .ToArray();
        }

        return order;
    }

    /// <summary>How many of the tenant's live documents passing <paramref name="filter"/> contain <paramref name="word"/>.</summary>
    private static int TenantFrequency(IndexSearcher searcher, LuceneIndex index, string tenant, string word, Query? filter)
    {
        Query query = new TermQuery(new Term(FieldNames.AllText, word));
        if (filter is not null)
        {
            query = new BooleanQuery { { query, Occur.MUST }, { filter, Occur.MUST } };
        }

        var counter = new TotalHitCountCollector();
        searcher.Search(index.Scoped(tenant, query), counter);
        return counter.TotalHits;
    }
}
