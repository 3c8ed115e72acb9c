namespace Platform.Search.Meilisearch;

/// <summary>A page of <c>GET /tasks</c>; tasks are paged by uid (<c>from</c>/<c>next</c>), newest first.</summary>
/// <param name="Results">The tasks.</param>
/// <param name="Total">Tasks matching the filters.</param>
/// <param name="Limit">Page size used.</param>
/// <param name="From">Uid the page started from.</param>
/// <param name="Next">Uid to pass as <see cref="TaskQuery.From"/> for the next page; null on the last page.</param>
internal sealed record TaskList(IReadOnlyList<TaskInfo> Results, long Total, int Limit, long? From, long? Next);
