using System.Globalization;
using Platform.Search.Errors;

namespace Platform.Search.Engine;

/// <summary>
/// Errors with Meilisearch's codes and wording, shared by every engine so that messages do not drift between them.
/// </summary>
public static class SearchEngineErrors
{
    /// <summary>The attribute engines reserve for tenant isolation; clients can never set, read, filter or sort on it.</summary>
    public const string TenantAttribute = "_tenant";

    /// <summary>Meilisearch's sentence in place of an empty list of filterable attributes (also for facets and distinct).</summary>
    public const string NoFilterableAttributes = "This index does not have configured filterable attributes.";

    /// <summary>Meilisearch's sentence in place of an empty list of sortable attributes.</summary>
    public const string NoSortableAttributes = "This index does not have configured sortable attributes.";

    /// <summary>Meilisearch's sentence in place of an empty list of facet-searchable attributes.</summary>
    public const string NoFacetSearchableAttributes = "This index does not have configured facet-searchable attributes.";

    public static SearchEngineException IndexNotFound(string uid) =>
        new(ErrorCodes.IndexNotFound, $"Index `{uid}` not found.");

    public static SearchEngineException IndexAlreadyExists(string uid) =>
        new(ErrorCodes.IndexAlreadyExists, $"Index `{uid}` already exists.");

    public static SearchEngineException InvalidIndexUid(string uid) =>
        new(ErrorCodes.InvalidIndexUid, $"`{uid}` is not a valid index uid. Index uid can be an integer or a string containing only alphanumeric characters, hyphens (-) and underscores (_), and can not be more than 512 bytes.");

    public static SearchEngineException DocumentNotFound(string id) =>
        new(ErrorCodes.DocumentNotFound, $"Document `{id}` not found.");

    public static SearchEngineException InvalidDocumentId(string jsonValue) =>
        new(ErrorCodes.InvalidDocumentId, $"Document identifier `{jsonValue}` is invalid. A document identifier can be of type integer or string, only composed of alphanumeric characters (a-z A-Z 0-9), hyphens (-) and underscores (_), and can not be more than 511 bytes.");

    public static SearchEngineException MissingDocumentId(string primaryKey, string documentJson) =>
        new(ErrorCodes.MissingDocumentId, $"Document doesn't have a `{primaryKey}` attribute: `{documentJson}`.");

    public static SearchEngineException NoPrimaryKeyCandidate() =>
        new(ErrorCodes.IndexPrimaryKeyNoCandidateFound, "The primary key inference failed as the engine did not find any field ending with `id` in its name. Please specify the primary key manually using the `primaryKey` query parameter.");

    public static SearchEngineException MultiplePrimaryKeyCandidates(IReadOnlyList<string> candidates) =>
        new(ErrorCodes.IndexPrimaryKeyMultipleCandidatesFound, string.Create(CultureInfo.InvariantCulture,
            $"The primary key inference failed as the engine found {candidates.Count} fields ending with `id` in their names: '{candidates[0]}' and '{candidates[1]}'. Please specify the primary key manually using the `primaryKey` query parameter."));

    public static SearchEngineException PrimaryKeyAlreadyPresent(string uid, string primaryKey) =>
        new(ErrorCodes.IndexPrimaryKeyAlreadyExists, $"Index `{uid}`: Index already has a primary key: `{primaryKey}`.");

    public static SearchEngineException ReservedAttribute(string context) =>
        new(ErrorCodes.ReservedAttribute, $"`{TenantAttribute}` is a reserved attribute and cannot be used in {context}.");

    /// <param name="at">Meilisearch's second line, <c>start:end filter</c>, pointing at the attribute; null for none.</param>
    public static SearchEngineException NotFilterable(string uid, string attribute, IReadOnlyList<string> filterable, string code = ErrorCodes.InvalidSearchFilter, string? at = null) =>
        new(code, $"Index `{uid}`: Attribute `{attribute}` is not filterable. " + (filterable.Count == 0
            ? NoFilterableAttributes
            : $"Available filterable attribute patterns are: {Quoted(filterable)}.") + SecondLine(at));

    /// <param name="at">Meilisearch's second line, <c>start:end filter</c>, pointing at the <c>CONTAINS</c> keyword.</param>
    public static SearchEngineException ContainsNotEnabled(string? at = null) =>
        new(ErrorCodes.FeatureNotEnabled, "Using `CONTAINS` in a filter requires enabling the `contains filter` experimental feature. See https://github.com/orgs/meilisearch/discussions/763" + SecondLine(at));

    public static SearchEngineException ReservedGeoField(string field, string code = ErrorCodes.InvalidSearchFilter) =>
        new(code, $"`{field}` is a reserved keyword and thus can't be used as a filter expression. Use the `_geoRadius(latitude, longitude, distance)` or `_geoBoundingBox([latitude, longitude], [latitude, longitude])` built-in rules to filter on `_geo` coordinates.");

    /// <summary>Sort on an attribute that is not sortable: the displayed sortable attributes in one pair of backticks,
    /// with <c>, &lt;..hidden-attributes&gt;</c> when some are not displayed (Meilisearch's wording).</summary>
    public static SearchEngineException NotSortable(string uid, string attribute, IReadOnlyList<string> visibleSortable, bool hiddenSortable = false) =>
        new(ErrorCodes.InvalidSearchSort, $"Index `{uid}`: Attribute `{attribute}` is not sortable. " + (visibleSortable.Count == 0
            ? NoSortableAttributes
            : $"Available sortable attributes are: `{Joined(visibleSortable)}{Hidden(hiddenSortable)}`."));

    public static SearchEngineException InvalidSortSyntax(string expression) =>
        new(ErrorCodes.InvalidSearchSort, $"Invalid syntax for the sort parameter: expected expression ending by `:asc` or `:desc`, found `{expression}`.");

    /// <summary>Facets that are not filterable, all named at once (Meilisearch's wording since v1.14).</summary>
    public static SearchEngineException FacetsNotFilterable(IReadOnlyList<string> facets, IReadOnlyList<string> filterable)
    {
        var names = facets.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var subject = names.Count == 1 ? $"Attribute `{names[0]}` is not filterable." : $"Attributes `{string.Join(", ", names)}` are not filterable.";
        return new(ErrorCodes.InvalidSearchFacets, $"Invalid facet distribution: {subject} " + (filterable.Count == 0
            ? NoFilterableAttributes
            : $"Available filterable attributes patterns are: `{Joined(filterable)}`."));
    }

    /// <summary>Distinct on an attribute that is not filterable: the displayed patterns in one pair of backticks.</summary>
    public static SearchEngineException DistinctNotFilterable(string uid, string attribute, IReadOnlyList<string> visiblePatterns, bool hiddenPatterns = false) =>
        new(ErrorCodes.InvalidSearchDistinct, $"Index `{uid}`: Attribute `{attribute}` is not filterable and thus, cannot be used as distinct attribute. " + (visiblePatterns.Count == 0
            ? NoFilterableAttributes
            : $"Available filterable attributes patterns are: `{Joined(visiblePatterns)}{Hidden(hiddenPatterns)}`."));

    /// <summary>
    /// Facet search on an attribute that is not filterable (Meilisearch's wording: the patterns in one pair of
    /// backticks, sorted, with <c>, &lt;..hidden-attributes&gt;</c> when some are not displayed).
    /// </summary>
    public static SearchEngineException FacetNotSearchable(string attribute, IReadOnlyList<string> visiblePatterns, bool hiddenPatterns)
    {
        const string hint = "To make it facet-searchable add it to the `filterableAttributes` index settings.";
        return new(ErrorCodes.InvalidFacetSearchFacetName, $"Attribute `{attribute}` is not facet-searchable. " + (visiblePatterns.Count == 0
            ? $"{NoFacetSearchableAttributes} {hint}"
            : $"Available facet-searchable attributes patterns are: `{Joined(visiblePatterns)}{Hidden(hiddenPatterns)}`. {hint}"));
    }

    public static SearchEngineException InvalidParameter(string code, string parameter, string expectation) =>
        new(code, $"Invalid value at `.{parameter}`: {expectation}");

    /// <summary>Each name in its own backticks: only the filter's not-filterable message lists names this way.</summary>
    private static string Quoted(IReadOnlyList<string> names) =>
        string.Join(", ", names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(n => $"`{n}`"));

    /// <summary>Names sorted and joined for one pair of backticks, as Meilisearch prints its sets.</summary>
    private static string Joined(IEnumerable<string> names) =>
        string.Join(", ", names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    private static string Hidden(bool hidden) => hidden ? ", <..hidden-attributes>" : "";

    private static string SecondLine(string? at) => at is null ? "" : "\n" + at;
}
