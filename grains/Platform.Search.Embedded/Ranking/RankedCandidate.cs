using Platform.Search.Embedded.Json;
using Platform.Search.Embedded.Results;

namespace Platform.Search.Embedded.Ranking;

/// <summary>A candidate that qualified, with what ranking, sorting and distinct need of it.</summary>
internal sealed record RankedCandidate(int DocId, Relevance Relevance, SortValue[]? SortValues, List<Leaf>? Leaves)
{
    /// <summary>
    /// Meilisearch's default rule order: words, typo, proximity, attribute, then the <c>sort</c> parameter, then
    /// exactness; ties keep insertion order.
    /// </summary>
    public static int Compare(RankedCandidate a, RankedCandidate b, SortSpec? sort)
    {
        var x = a.Relevance;
        var y = b.Relevance;
        var c = y.Words.CompareTo(x.Words);
        if (c == 0) c = x.Typos.CompareTo(y.Typos);
        if (c == 0) c = x.Proximity.CompareTo(y.Proximity);
        if (c == 0) c = x.Attribute.CompareTo(y.Attribute);
        if (c == 0 && sort is not null) c = sort.Compare(a.SortValues!, b.SortValues!);
        if (c == 0) c = y.Exactness.CompareTo(x.Exactness);
        if (c == 0) c = a.DocId.CompareTo(b.DocId);
        return c;
    }
}
