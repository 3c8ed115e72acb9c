namespace Platform.Grains.Indexes;

/// <summary>
/// The settings of a logical index that the platform honours (docs/settings.md). A null list means Meilisearch's
/// default: <c>["*"]</c> for displayed and searchable attributes, empty for filterable and sortable.
/// </summary>
[GenerateSerializer, Immutable, Alias("platform.index.settings.v1")]
public sealed record IndexSettings(
    [property: Id(0)] IReadOnlyList<string>? DisplayedAttributes = null,
    [property: Id(1)] IReadOnlyList<string>? SearchableAttributes = null,
    [property: Id(2)] IReadOnlyList<string>? FilterableAttributes = null,
    [property: Id(3)] IReadOnlyList<string>? SortableAttributes = null,
    [property: Id(4)] string? DistinctAttribute = null)
{
    /// <summary>Meilisearch's defaults: every list unset, no distinct attribute.</summary>
    public static readonly IndexSettings Default = new();
}
