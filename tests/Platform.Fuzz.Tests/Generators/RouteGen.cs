using CsCheck;
using Platform.Fuzz.Tests.Infrastructure;

namespace Platform.Fuzz.Tests.Generators;

/// <summary>
/// Method, path and query string over every mapped route (docs/api-reference.md), plus unmapped paths and methods.
/// Path values are mostly real (the shared index, the two tenants, their key uids) so requests get past routing and
/// authentication; deletes and updates of the shared index, the tenants and their keys go to spare uids instead, so
/// one early input cannot take the fixture away from all later ones.
/// </summary>
internal static class RouteGen
{
    private static readonly (string Method, string Template)[] Routes =
    [
        ("GET", "/health"), ("GET", "/version"), ("GET", "/metrics"), ("GET", "/openapi/v1.json"),
        ("POST", "/indexes"), ("GET", "/indexes"), ("GET", "/indexes/{index}"), ("PATCH", "/indexes/{index}"), ("DELETE", "/indexes/{index}"),
        ("GET", "/indexes/{index}/settings"), ("PATCH", "/indexes/{index}/settings"), ("DELETE", "/indexes/{index}/settings"),
        ("GET", "/indexes/{index}/settings/{setting}"), ("PUT", "/indexes/{index}/settings/{setting}"), ("DELETE", "/indexes/{index}/settings/{setting}"),
        ("POST", "/indexes/{index}/documents"), ("PUT", "/indexes/{index}/documents"), ("GET", "/indexes/{index}/documents"),
        ("DELETE", "/indexes/{index}/documents"), ("POST", "/indexes/{index}/documents/fetch"),
        ("POST", "/indexes/{index}/documents/delete-batch"), ("POST", "/indexes/{index}/documents/delete"),
        ("GET", "/indexes/{index}/documents/{id}"), ("DELETE", "/indexes/{index}/documents/{id}"),
        ("POST", "/indexes/{index}/search"), ("GET", "/indexes/{index}/search"), ("POST", "/multi-search"),
        ("POST", "/indexes/{index}/facet-search"), ("GET", "/tasks"), ("GET", "/tasks/{task}"),
        ("POST", "/tenants"), ("GET", "/tenants"), ("GET", "/tenants/{tenant}"), ("PATCH", "/tenants/{tenant}"), ("DELETE", "/tenants/{tenant}"),
        ("POST", "/tenants/{tenant}/keys"), ("GET", "/tenants/{tenant}/keys"), ("GET", "/tenants/{tenant}/keys/{key}"),
        ("PATCH", "/tenants/{tenant}/keys/{key}"), ("DELETE", "/tenants/{tenant}/keys/{key}"), ("POST", "/tenants/{tenant}/tokens"),
        ("GET", "/{random}"), ("POST", "/indexes/{index}/{random}"),
    ];

    private static readonly string[] QueryNames =
    [
        "q", "filter", "limit", "offset", "from", "statuses", "types", "indexUids", "uids", "fields", "sort", "facets",
        "attributesToRetrieve", "attributesToCrop", "attributesToHighlight", "highlightPreTag", "highlightPostTag",
        "cropLength", "cropMarker", "showMatchesPosition", "matchingStrategy", "hitsPerPage", "page", "retrieveVectors",
        "ids", "distinct", "rankingScoreThreshold", "locales", "showRankingScore", "primaryKey", "csvDelimiter",
    ];

    private static readonly string[] Settings =
    [
        "filterable-attributes", "sortable-attributes", "searchable-attributes", "displayed-attributes", "ranking-rules",
        "stop-words", "synonyms", "distinct-attribute", "typo-tolerance", "pagination", "faceting", "dictionary",
        "separator-tokens", "non-separator-tokens", "proximity-precision", "search-cutoff-ms", "embedders", "localized-attributes",
    ];

    public static Gen<(string Method, string Target)> For(FuzzCredentials credentials) => Gen.Select(
        Gen.OneOf(Routes),
        Gen.Frequency((12, Gen.Const((string?)null)), (1, Gen.OneOf<string?>("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"))),
        Placeholders(credentials),
        Query,
        (route, otherMethod, values, query) =>
        {
            var method = otherMethod ?? route.Method;
            var path = route.Template;
            var destructive = method is "DELETE" or "PATCH" && !path.Contains("/documents", StringComparison.Ordinal) && !path.Contains("/settings", StringComparison.Ordinal);
            foreach (var (name, value) in values)
            {
                path = path.Replace($"{{{name}}}", Segment(destructive ? Spare(name, value, credentials) : value), StringComparison.Ordinal);
            }

            return (method, path + query);
        });

    private static Gen<(string, string)[]> Placeholders(FuzzCredentials c) => Gen.Select(
        Gen.Frequency((8, Gen.Const(FuzzPlatform.SharedIndex)), (2, FuzzText.Short)),
        Gen.Frequency((4, Gen.OneOf(c.TenantA, c.TenantB)), (1, FuzzText.Short)),
        Gen.Frequency((4, Gen.OneOf(c.KeyUidA, c.KeyUidB, c.KeyA)), (1, Gen.Guid.Select(g => g.ToString())), (1, FuzzText.Short)),
        Gen.Frequency((4, Gen.OneOf("1", "two", "3")), (1, FuzzText.Short)),
        Gen.Frequency((4, Gen.OneOf(Settings)), (1, FuzzText.Short)),
        Gen.Frequency((3, Gen.OneOf("0", "1", "2", "2147483648", "99999999999999999999", "-1")), (1, FuzzText.Short)),
        FuzzText.Short,
        (index, tenant, key, id, setting, task, random) => new[]
        {
            ("index", index), ("tenant", tenant), ("key", key), ("id", id), ("setting", setting), ("task", task), ("random", random),
        });

    private static string Spare(string name, string value, FuzzCredentials c) => name switch
    {
        "index" when value == FuzzPlatform.SharedIndex => "fuzz-spare",
        "tenant" when value == c.TenantA || value == c.TenantB => "fuzz-spare",
        "key" when value == c.KeyUidA || value == c.KeyUidB || value == c.KeyA => Guid.Empty.ToString(),
        _ => value,
    };

    /// <summary>Zero to four parameters, known names mostly, values short (a query string has no room for more).</summary>
    private static readonly Gen<string> Query = Gen.Select(
        Gen.Frequency((8, Gen.OneOf(QueryNames)), (1, FuzzText.Short)),
        Gen.Frequency((24, FuzzText.Short), (12, JsonGen.Number), (4, JsonGen.Value.Where(v => v.Length < 300)), (1, FuzzText.ManyClauses)),
        (name, value) => $"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}").Array[0, 4]
        .SelectMany(parameters => Gen.Frequency(
            (12, Gen.Const(parameters.Length == 0 ? "" : "?" + string.Join('&', parameters))),
            (1, Gen.OneOf("?limit=%ff", "?q=%", "?q=%zz", "?filter=%ed%a0%80", "?limit=1&limit=2", "?&&=&", "?q=%00"))));

    private static string Segment(string value) => value.Length == 0 ? "" : Uri.EscapeDataString(value);
}
