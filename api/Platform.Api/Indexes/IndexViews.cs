using Platform.Api.Json;
using Platform.Grains.Indexes;

namespace Platform.Api.Indexes;

/// <summary>Meilisearch's index object.</summary>
internal sealed record IndexView(string Uid, string CreatedAt, string UpdatedAt, string? PrimaryKey)
{
    public static IndexView From(IndexSnapshot index) =>
        new(index.Uid, Rfc3339.Format(index.CreatedAt), Rfc3339.Format(index.UpdatedAt), index.PrimaryKey);
}

/// <summary>The settings the platform honours, with Meilisearch's defaults filled in.</summary>
internal sealed record SettingsView(
    IReadOnlyList<string> DisplayedAttributes,
    IReadOnlyList<string> SearchableAttributes,
    IReadOnlyList<string> FilterableAttributes,
    IReadOnlyList<string> SortableAttributes,
    string? DistinctAttribute)
{
    public static SettingsView From(IndexSettings s) => new(
        s.DisplayedAttributes ?? ["*"],
        s.SearchableAttributes ?? ["*"],
        s.FilterableAttributes ?? [],
        s.SortableAttributes ?? [],
        s.DistinctAttribute);
}
