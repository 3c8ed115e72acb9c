namespace Platform.Search.Meilisearch;

/// <summary>An offset-paged list: <c>{"results", "offset", "limit", "total"}</c> (indexes, keys, documents).</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Results">The items of this page.</param>
/// <param name="Offset">Items skipped.</param>
/// <param name="Limit">Page size used.</param>
/// <param name="Total">Items in all pages.</param>
internal sealed record ResultsPage<T>(IReadOnlyList<T> Results, int Offset, int Limit, long Total);
