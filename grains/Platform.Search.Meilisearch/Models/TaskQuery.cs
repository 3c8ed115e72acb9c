namespace Platform.Search.Meilisearch;

/// <summary>Filters of <c>GET /tasks</c>. Null or empty members are left out of the query string.</summary>
internal sealed record TaskQuery
{
    /// <summary>Only tasks in these statuses (<see cref="MeilisearchTaskStatus"/>).</summary>
    public IReadOnlyList<string>? Statuses { get; init; }

    /// <summary>Only tasks of these types.</summary>
    public IReadOnlyList<string>? Types { get; init; }

    /// <summary>Only tasks on these indexes.</summary>
    public IReadOnlyList<string>? IndexUids { get; init; }

    /// <summary>Only these task uids.</summary>
    public IReadOnlyList<long>? Uids { get; init; }

    /// <summary>Page size (Meilisearch's default is 20).</summary>
    public int? Limit { get; init; }

    /// <summary>Start from this uid (the previous page's <see cref="TaskList.Next"/>).</summary>
    public long? From { get; init; }
}
