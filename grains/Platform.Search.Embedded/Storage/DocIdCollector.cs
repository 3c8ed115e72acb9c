using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Platform.Search.Embedded.Storage;

/// <summary>Collects every matching doc id, unscored, in index (insertion) order.</summary>
internal sealed class DocIdCollector : ICollector
{
    private int _docBase;

    public List<int> Ids { get; } = [];

    public bool AcceptsDocsOutOfOrder => false;

    /// <summary>Matching doc ids of an already tenant-scoped query, in index (insertion) order.</summary>
    public static List<int> Collect(IndexSearcher searcher, Query scopedQuery)
    {
        var collector = new DocIdCollector();
        searcher.Search(scopedQuery, collector);
        return collector.Ids;
    }

    public void SetScorer(Scorer scorer)
    {
    }

    public void Collect(int doc) => Ids.Add(_docBase + doc);

    public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;
}
