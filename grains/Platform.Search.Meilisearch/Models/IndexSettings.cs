using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Search.Meilisearch;

/// <summary>
/// A typed subset of index settings for <c>PATCH /indexes/{uid}/settings</c>. Null members are not sent, so they stay
/// unchanged. Anything else (object-form <c>filterableAttributes</c>, embedders, explicit <c>null</c> resets) goes
/// through <see cref="Additional"/> or the <c>JsonObject</c> overload.
/// </summary>
internal sealed record IndexSettings
{
    /// <summary>Attributes usable in filters and facets. The tenant-token filter attribute must be among them.</summary>
    public IReadOnlyList<string>? FilterableAttributes { get; init; }

    /// <summary>Attributes usable in <c>sort</c>.</summary>
    public IReadOnlyList<string>? SortableAttributes { get; init; }

    /// <summary>Attributes searched, in order of importance; Meilisearch's default is <c>["*"]</c>.</summary>
    public IReadOnlyList<string>? SearchableAttributes { get; init; }

    /// <summary>Attributes returned in hits; default <c>["*"]</c>.</summary>
    public IReadOnlyList<string>? DisplayedAttributes { get; init; }

    /// <summary>Ranking rules in order.</summary>
    public IReadOnlyList<string>? RankingRules { get; init; }

    /// <summary>Attribute used to de-duplicate hits.</summary>
    public string? DistinctAttribute { get; init; }

    /// <summary>Words ignored in queries.</summary>
    public IReadOnlyList<string>? StopWords { get; init; }

    /// <summary>Synonym lists by word.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Synonyms { get; init; }

    /// <summary>Any other setting, written verbatim.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Additional { get; init; }
}
