using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsCheck;

namespace Platform.Fuzz.Tests.Generators;

/// <summary>
/// JSON text, valid and not: every field name the platform reads, numbers beyond every integer type, strings with
/// lone surrogate escapes, duplicate keys, deep nesting. Built as text so that anything a client can send is reachable.
/// </summary>
internal static class JsonGen
{
    public static readonly string[] FieldNames =
    [
        "q", "filter", "limit", "offset", "page", "hitsPerPage", "sort", "facets", "attributesToRetrieve",
        "attributesToCrop", "cropLength", "cropMarker", "attributesToHighlight", "highlightPreTag", "highlightPostTag",
        "showMatchesPosition", "showRankingScore", "showRankingScoreDetails", "matchingStrategy", "attributesToSearchOn",
        "distinct", "rankingScoreThreshold", "locales", "hybrid", "vector", "retrieveVectors", "facetName", "facetQuery",
        "exhaustiveFacetCount", "queries", "federation", "federationOptions", "indexUid", "weight", "uid", "primaryKey",
        "name", "description", "actions", "indexes", "expiresAt", "searchRules", "ttlSeconds", "subject", "apiKeyUid",
        "rules", "status", "ids", "fields", "id", "title", "genre", "year", "_tenant", "filterableAttributes",
        "sortableAttributes", "searchableAttributes", "displayedAttributes", "rankingRules", "stopWords", "synonyms",
        "typoTolerance", "pagination", "faceting", "dictionary", "separatorTokens", "proximityPrecision",
        "searchCutoffMs", "maxTotalHits", "maxValuesPerFacet", "_geo", "_vectors",
    ];

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static readonly Gen<string> Number = Gen.Frequency(
        (3, Gen.Int.Select(i => i.ToString(CultureInfo.InvariantCulture))),
        (2, Gen.Int[-2, 30].Select(i => i.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Long.Select(l => l.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Double.Where(double.IsFinite).Select(d => d.ToString("R", CultureInfo.InvariantCulture))),
        (2, Gen.OneOf("2147483648", "4294967296", "18446744073709551616", "-9223372036854775809", "1e400",
            "-1e400", "1.5e-400", "-0", "0.0", "123456789012345678901234567890.5", "1E+2", "9007199254740993")));

    /// <summary>JSON string literals, including escapes that are valid JSON but not valid text.</summary>
    public static readonly Gen<string> StringLiteral = Gen.Frequency(
        (12, FuzzText.Any.Select(Quote)),
        (1, Gen.OneOf("\"\\ud800\"", "\"x\\udc00y\"", "\"\\ud83d\\ude00\"", "\"\\u0000\"", "\"\\ud800\\ud800\"",
            "\"a\\\"b\"", "\"\\/\"", "\"\\uDFFF\"")));

    private static readonly Gen<string> Scalar = Gen.Frequency(
        (1, Gen.OneOf("null", "true", "false")),
        (3, Number),
        (6, StringLiteral));

    /// <summary>Any JSON value up to a small depth.</summary>
    public static readonly Gen<string> Value = ValueAt(3);

    /// <summary>An object whose keys are mostly fields the platform reads, sometimes with a key repeated.</summary>
    public static readonly Gen<string> FieldObject = ObjectAt(3);

    /// <summary>Nested arrays or objects far deeper than any parser's limit.</summary>
    public static readonly Gen<string> DeepNesting = Gen.Select(Gen.Int[1, 20_000], Gen.Bool, (depth, arrays) => arrays
        ? new string('[', depth) + new string(']', depth)
        : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth));

    /// <summary>A document: an id (number or string, sometimes missing) and fields.</summary>
    public static readonly Gen<string> Document = Gen.Select(
        Gen.Frequency((6, Gen.OneOf("1", "\"two\"", "3", "\"x-y_z\"")), (2, Scalar), (1, Gen.Const(""))),
        Gen.Select(Gen.OneOf(FieldNames), Gen.Frequency((60, Value), (1, FuzzText.ImmenseTerm.Select(Quote)))).Array[0, 5],
        (id, fields) => Build((id.Length == 0 ? fields : [("id", id), .. fields])));

    private static Gen<string> ValueAt(int depth) => depth == 0
        ? Scalar
        : Gen.Frequency((6, Scalar), (2, ValueAt(depth - 1).Array[0, 4].Select(items => $"[{string.Join(',', items)}]")), (2, ObjectAt(depth - 1)));

    private static Gen<string> ObjectAt(int depth) => Gen.Select(
        Gen.Frequency((8, Gen.OneOf(FieldNames)), (1, FuzzText.Any))
            .SelectMany(key => FieldValue(key, depth == 0 ? Scalar : ValueAt(depth - 1)).Select(value => (key, value))).Array[0, 6],
        Gen.Int[0, 9],
        (fields, duplicate) => Build(duplicate == 0 && fields.Length > 0 ? [.. fields, fields[0]] : fields));

    /// <summary>Oversized values (long filters, huge tags) appear only where they matter: filters and tags.</summary>
    private static Gen<string> FieldValue(string key, Gen<string> value) => key switch
    {
        "filter" => Gen.Frequency((60, value), (1, FuzzText.ManyClauses.Select(Quote))),
        "highlightPreTag" or "highlightPostTag" => Gen.Frequency((60, value), (1, FuzzText.HugeTag.Select(Quote))),
        _ => value,
    };

    private static string Build((string Key, string Value)[] fields) =>
        "{" + string.Join(',', fields.Select(f => $"{Quote(f.Key)}:{f.Value}")) + "}";

    public static string Quote(string text) => JsonSerializer.Serialize(text, Relaxed);
}
