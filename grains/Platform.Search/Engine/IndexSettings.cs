namespace Platform.Search.Engine;

/// <summary>
/// Index settings an engine honours (docs/settings.md). Settings belong to the index, which tenants share: only an
/// operator changes them. Lists keep Meilisearch's meaning: <c>["*"]</c> means every attribute.
/// </summary>
public sealed record IndexSettings
{
    /// <summary>The primary key attribute, or null until it is given or inferred from the first documents.</summary>
    public string? PrimaryKey { get; init; }

    /// <summary>Attributes searched by <c>q</c>, most important first. Default <c>["*"]</c>.</summary>
    public IReadOnlyList<string> SearchableAttributes { get; init; } = ["*"];

    /// <summary>Attributes returned in hits and documents. Default <c>["*"]</c>.</summary>
    public IReadOnlyList<string> DisplayedAttributes { get; init; } = ["*"];

    /// <summary>Attribute names or patterns (<c>*</c>, <c>price_*</c>) usable in filters, facets and distinct. Default none.</summary>
    public IReadOnlyList<string> FilterableAttributes { get; init; } = [];

    /// <summary>Attributes usable in <c>sort</c>. Default none.</summary>
    public IReadOnlyList<string> SortableAttributes { get; init; } = [];

    /// <summary>Attribute whose value keeps one hit per distinct value in every search, or null.</summary>
    public string? DistinctAttribute { get; init; }
}

/// <summary>An index as engines describe it.</summary>
/// <param name="Uid">Index uid.</param>
/// <param name="PrimaryKey">Primary key attribute, or null before the first documents.</param>
public sealed record IndexInfo(string Uid, string? PrimaryKey);
