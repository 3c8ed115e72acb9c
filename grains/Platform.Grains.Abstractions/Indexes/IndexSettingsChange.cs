namespace Platform.Grains.Indexes;

/// <summary>
/// A partial settings update. For each setting, <c>Set…</c> says whether it changes; a null value with the flag set
/// resets it to the default (Meilisearch's PATCH and DELETE semantics).
/// </summary>
[GenerateSerializer, Immutable, Alias("platform.index.settings-change.v1")]
public sealed record IndexSettingsChange(
    [property: Id(0)] bool SetDisplayedAttributes = false,
    [property: Id(1)] IReadOnlyList<string>? DisplayedAttributes = null,
    [property: Id(2)] bool SetSearchableAttributes = false,
    [property: Id(3)] IReadOnlyList<string>? SearchableAttributes = null,
    [property: Id(4)] bool SetFilterableAttributes = false,
    [property: Id(5)] IReadOnlyList<string>? FilterableAttributes = null,
    [property: Id(6)] bool SetSortableAttributes = false,
    [property: Id(7)] IReadOnlyList<string>? SortableAttributes = null,
    [property: Id(8)] bool SetDistinctAttribute = false,
    [property: Id(9)] string? DistinctAttribute = null)
{
    /// <summary>The settings after this change: each field it sets replaces the one in <paramref name="settings"/>.</summary>
    public IndexSettings ApplyTo(IndexSettings settings) => new(
        SetDisplayedAttributes ? DisplayedAttributes : settings.DisplayedAttributes,
        SetSearchableAttributes ? SearchableAttributes : settings.SearchableAttributes,
        SetFilterableAttributes ? FilterableAttributes : settings.FilterableAttributes,
        SetSortableAttributes ? SortableAttributes : settings.SortableAttributes,
        SetDistinctAttribute ? DistinctAttribute : settings.DistinctAttribute);
}
