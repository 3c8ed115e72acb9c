using System.Text.Json.Nodes;
using Platform.Search.Engine;
using Platform.Search.Filters;

namespace Platform.Meilisearch.StandIn.Engine;

/// <summary>
/// For Meilisearch, <c>_tenant</c> is an attribute like any other, and the platform's Meilisearch engine stores it in
/// every document. The embedded engine reserves that name for its own isolation, so the stand-in stores it under
/// <see cref="Internal"/> and renames it on the way in (documents, filters, settings, search parameters) and on the
/// way out (documents, hits, facets, error messages).
/// </summary>
internal static class AttributeAliases
{
    public const string External = SearchEngineErrors.TenantAttribute;
    public const string Internal = "_tenant_standin";

    public static string In(string name) => Rename(name, External, Internal);

    public static string Out(string name) => Rename(name, Internal, External);

    public static IReadOnlyList<string>? In(IReadOnlyList<string>? names) => names?.Select(In).ToList();

    /// <summary>Entries of the form <c>attribute:suffix</c> (sort, crop): only the attribute part is renamed.</summary>
    public static IReadOnlyList<string>? InWithSuffix(IReadOnlyList<string>? entries) => entries?.Select(e =>
    {
        var colon = e.LastIndexOf(':');
        return colon < 0 ? In(e) : In(e[..colon]) + e[colon..];
    }).ToList();

    public static string Message(string message) => message.Replace(Internal, External, StringComparison.Ordinal);

    public static JsonObject DocumentIn(JsonObject document) => RenameKeys(document, External, Internal);

    /// <summary>A document or hit on its way out, with its <c>_formatted</c> and <c>_matchesPosition</c> objects.</summary>
    public static JsonObject DocumentOut(JsonObject document)
    {
        var renamed = RenameKeys(document, Internal, External);
        foreach (var nested in new[] { "_formatted", "_matchesPosition" })
        {
            if (renamed[nested] is JsonObject inner)
            {
                renamed[nested] = RenameKeys(inner, Internal, External);
            }
        }

        return renamed;
    }

    public static FilterExpression? In(FilterExpression? filter) => filter switch
    {
        null => null,
        AndFilter and => new AndFilter([.. and.Operands.Select(o => In(o)!)]),
        OrFilter or => new OrFilter([.. or.Operands.Select(o => In(o)!)]),
        NotFilter not => new NotFilter(In(not.Operand)!),
        ComparisonFilter c => c with { Attribute = In(c.Attribute) },
        RangeFilter r => r with { Attribute = In(r.Attribute) },
        InFilter i => new InFilter(In(i.Attribute), i.Values),
        PresenceFilter p => p with { Attribute = In(p.Attribute) },
        TextMatchFilter t => t with { Attribute = In(t.Attribute) },
        _ => filter,
    };

    public static SearchRequest In(SearchRequest request) => request with
    {
        Filter = In(request.Filter),
        Sort = InWithSuffix(request.Sort),
        Facets = In(request.Facets),
        AttributesToRetrieve = In(request.AttributesToRetrieve),
        AttributesToHighlight = In(request.AttributesToHighlight),
        AttributesToCrop = InWithSuffix(request.AttributesToCrop),
        Distinct = request.Distinct is null ? null : In(request.Distinct),
        AttributesToSearchOn = In(request.AttributesToSearchOn),
    };

    public static FacetSearchRequest In(FacetSearchRequest request) => request with
    {
        FacetName = In(request.FacetName),
        Filter = In(request.Filter),
        AttributesToSearchOn = In(request.AttributesToSearchOn),
    };

    public static SearchResponse Out(SearchResponse response) => response with
    {
        Hits = [.. response.Hits.Select(DocumentOut)],
        FacetDistribution = response.FacetDistribution?.ToDictionary(p => Out(p.Key), p => p.Value),
        FacetStats = response.FacetStats?.ToDictionary(p => Out(p.Key), p => p.Value),
    };

    public static IndexSettings In(IndexSettings settings) => settings with
    {
        SearchableAttributes = In(settings.SearchableAttributes)!,
        DisplayedAttributes = In(settings.DisplayedAttributes)!,
        FilterableAttributes = In(settings.FilterableAttributes)!,
        SortableAttributes = In(settings.SortableAttributes)!,
        DistinctAttribute = settings.DistinctAttribute is null ? null : In(settings.DistinctAttribute),
        PrimaryKey = settings.PrimaryKey is null ? null : In(settings.PrimaryKey),
    };

    public static IndexSettings Out(IndexSettings settings) => settings with
    {
        SearchableAttributes = [.. settings.SearchableAttributes.Select(Out)],
        DisplayedAttributes = [.. settings.DisplayedAttributes.Select(Out)],
        FilterableAttributes = [.. settings.FilterableAttributes.Select(Out)],
        SortableAttributes = [.. settings.SortableAttributes.Select(Out)],
        DistinctAttribute = settings.DistinctAttribute is null ? null : Out(settings.DistinctAttribute),
        PrimaryKey = settings.PrimaryKey is null ? null : Out(settings.PrimaryKey),
    };

    private static string Rename(string name, string from, string to) =>
        name == from ? to
        : name.StartsWith(from + ".", StringComparison.Ordinal) ? to + name[from.Length..]
        : name;

    private static JsonObject RenameKeys(JsonObject source, string from, string to)
    {
        if (!source.ContainsKey(from))
        {
            return source;
        }

        // Rebuilt rather than edited in place, so the field keeps its position in the document.
        var renamed = new JsonObject();
        foreach (var (key, value) in source.ToList())
        {
            source.Remove(key);
            renamed[key == from ? to : key] = value;
        }

        return renamed;
    }
}
