using System.Text.Json.Nodes;

namespace Platform.Search.Meilisearch;

/// <summary>Body of <c>POST /indexes/{uid}/documents/fetch</c>. Null members are not sent.</summary>
internal sealed record DocumentsQuery
{
    /// <summary>A filter expression: a string, or an array of strings / arrays of strings.</summary>
    public JsonNode? Filter { get; init; }

    /// <summary>Fields to return; all displayed fields when null.</summary>
    public IReadOnlyList<string>? Fields { get; init; }

    /// <summary>Documents to skip.</summary>
    public int? Offset { get; init; }

    /// <summary>Documents to return (Meilisearch's default is 20).</summary>
    public int? Limit { get; init; }
}
