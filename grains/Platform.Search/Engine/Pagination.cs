namespace Platform.Search.Engine;

/// <summary>
/// Meilisearch's two ways of slicing a ranked hit list: <c>offset</c>/<c>limit</c>, or <c>page</c>/<c>hitsPerPage</c>
/// (page mode, on as soon as either is given; page 0 or 0 hits per page ask for no hits). The arithmetic lives here
/// once, so every engine and the federated merge slice and count pages alike.
/// </summary>
public readonly record struct Pagination
{
    /// <summary>Meilisearch's <c>hitsPerPage</c> when only <c>page</c> is given.</summary>
    public const int DefaultHitsPerPage = 20;

    /// <summary>Meilisearch's <c>page</c> when only <c>hitsPerPage</c> is given.</summary>
    public const int DefaultPage = 1;

    private Pagination(bool isPageMode, int page, int hitsPerPage, int offset, int limit)
    {
        IsPageMode = isPageMode;
        Page = page;
        HitsPerPage = hitsPerPage;
        Offset = offset;
        Limit = limit;
    }

    /// <summary>True when <c>page</c> or <c>hitsPerPage</c> was given.</summary>
    public bool IsPageMode { get; }

    /// <summary>The page asked for, defaulted (meaningful in page mode only).</summary>
    public int Page { get; }

    /// <summary>The page size asked for, defaulted (meaningful in page mode only).</summary>
    public int HitsPerPage { get; }

    public int Offset { get; }

    public int Limit { get; }

    /// <summary>Position of the first hit asked for, in the whole ranked list.</summary>
    public long Start => !IsPageMode ? Offset : Page == 0 || HitsPerPage == 0 ? 0 : (long)(Page - 1) * HitsPerPage;

    /// <summary>How many hits are asked for.</summary>
    public long Count => !IsPageMode ? Limit : Page == 0 ? 0 : HitsPerPage;

    /// <summary>The pagination of a search request.</summary>
    public static Pagination Of(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Of(request.Page, request.HitsPerPage, request.Offset, request.Limit);
    }

    /// <summary>The pagination given by these parameters (null when absent).</summary>
    public static Pagination Of(int? page, int? hitsPerPage, int offset, int limit) =>
        new(page is not null || hitsPerPage is not null, page ?? DefaultPage, hitsPerPage ?? DefaultHitsPerPage, offset, limit);

    /// <summary>The hits to return, <c>[Start, End)</c>, out of <paramref name="available"/> ranked ones.</summary>
    public (int Start, int End) Window(int available)
    {
        var start = (int)Math.Min(Start, available);
        return (start, (int)Math.Min(start + Count, available));
    }

    /// <summary>Pages of <see cref="HitsPerPage"/> hits that <paramref name="totalHits"/> fill; 0 when a page holds none.</summary>
    public int TotalPages(int totalHits) => HitsPerPage > 0 ? (totalHits + HitsPerPage - 1) / HitsPerPage : 0;
}
