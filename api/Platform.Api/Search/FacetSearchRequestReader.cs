using System.Text.Json;
using Platform.Api.Errors;
using Platform.Api.Json;
using Platform.Search.Engine;
using Platform.Search.Filters;

namespace Platform.Api.Search;

/// <summary>
/// Reads a <c>POST /indexes/{uid}/facet-search</c> body into a <see cref="FacetSearchRequest"/> with Meilisearch's
/// (deserr's) validation: fields are checked in the order they appear in the body and the first bad one is reported;
/// a missing <c>facetName</c> is reported after every present field was accepted. Codes are Meilisearch's:
/// <c>invalid_facet_search_*</c> / <c>missing_facet_search_facet_name</c> for the facet fields and
/// <c>invalid_search_*</c> for the search fields.
/// </summary>
internal static class FacetSearchRequestReader
{
    /// <summary>The fields Meilisearch's facet search knows, in its order (the order of its error messages).</summary>
    public static IReadOnlyList<string> Fields { get; } =
    [
        "facetQuery", "facetName", "q", "vector", "media", "hybrid", "filter", "matchingStrategy", "attributesToSearchOn",
        "rankingScoreThreshold", "locales", "exhaustiveFacetCount", "useNetwork",
    ];

    private static readonly string[] FieldArray = [.. Fields];

    /// <summary>
    /// Reads the body. Unknown fields are ignored, as Meilisearch does on purpose for this route (clients send their
    /// search parameters along); with <paramref name="rejectUnknownFields"/> they fail with <c>bad_request</c> and
    /// the list of known fields instead.
    /// </summary>
    public static FacetSearchRequest Read(JsonObjectReader body, bool rejectUnknownFields = false)
    {
        // Long on purpose: a linear reader of Meilisearch's facet-search body, one case per field in its order, so the
        // first error found is the one Meilisearch reports.
        ArgumentNullException.ThrowIfNull(body);
        if (body.Body.ValueKind != JsonValueKind.Object)
        {
            throw ApiError.BadRequest($"Invalid value type: expected an object, but found {JsonDescriptions.Kind(body.Body)}: `{JsonDescriptions.Compact(body.Body)}`");
        }

        var facet = new JsonObjectReader(body.Body, "facet_search");
        var search = new JsonObjectReader(body.Body, "search");
        string? facetName = null;
        string? facetQuery = null;
        string? q = null;
        FilterExpression? filter = null;
        var strategy = MatchingStrategy.Last;
        IReadOnlyList<string>? attributesToSearchOn = null;
        double? threshold = null;
        bool? exhaustive = null;

        foreach (var property in body.Body.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name)
            {
                case "facetQuery":
                    facetQuery = NullableString(facet, "facetQuery", value, "query");
                    break;
                case "facetName":
                    facetName = value.ValueKind == JsonValueKind.String ? value.GetString() : throw facet.TypeError("facetName", value, "a string");
                    break;
                case "q":
                    q = NullableString(search, "q", value);
                    break;
                case "vector":
                case "media":
                case "hybrid":
                    if (value.ValueKind != JsonValueKind.Null)
                    {
                        var code = property.Name == "hybrid" ? "hybrid_query" : property.Name;
                        throw new ApiError($"invalid_search_{code}", $"Invalid value at `.{property.Name}`: vector and hybrid search are not supported by this platform.");
                    }

                    break;
                case "filter":
                    filter = ParseFilter(value);
                    break;
                case "matchingStrategy":
                    strategy = Strategy(search, value);
                    break;
                case "attributesToSearchOn":
                    attributesToSearchOn = value.ValueKind == JsonValueKind.Null ? null : search.StringArray("attributesToSearchOn", value);
                    break;
                case "rankingScoreThreshold":
                    threshold = Threshold(search, value);
                    break;
                case "locales":
                    // Locales only steer Meilisearch's tokenizer choice; they are validated and otherwise ignored.
                    if (value.ValueKind != JsonValueKind.Null)
                    {
                        search.StringArray("locales", value);
                    }

                    break;
                case "exhaustiveFacetCount":
                    exhaustive = NullableBoolean(facet, "exhaustiveFacetCount", value);
                    break;
                case "useNetwork":
                    NullableBoolean(search, "useNetwork", value);
                    break;
                default:
                    if (rejectUnknownFields)
                    {
                        body.AllowOnly(FieldArray);
                    }

                    break;
            }
        }

        if (facetName is null)
        {
            facet.Required("facetName");
        }

        return new FacetSearchRequest
        {
            FacetName = facetName!,
            FacetQuery = facetQuery,
            Q = q,
            Filter = filter,
            MatchingStrategy = strategy,
            AttributesToSearchOn = attributesToSearchOn,
            RankingScoreThreshold = threshold,
            ExhaustiveFacetCount = exhaustive,
        };
    }

    private static string? NullableString(JsonObjectReader reader, string field, JsonElement value, string? codeField = null) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString(),
        _ => throw reader.TypeError(field, value, "a string", codeField),
    };

    private static bool? NullableBoolean(JsonObjectReader reader, string field, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw reader.TypeError(field, value, "a boolean"),
    };

    private static MatchingStrategy Strategy(JsonObjectReader search, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            throw search.TypeError("matchingStrategy", value, "a string");
        }

        var text = value.GetString();
        return SearchParameterValues.TryParseMatchingStrategy(text, out var strategy)
            ? strategy
            : throw SearchParameters.UnknownMatchingStrategy(text, "matchingStrategy");
    }

    private static double? Threshold(JsonObjectReader search, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            throw search.TypeError("rankingScoreThreshold", value, "a number");
        }

        var threshold = value.GetDouble();
        return SearchParameterValues.IsValidRankingScoreThreshold(threshold)
            ? threshold
            : throw search.ValueError("rankingScoreThreshold", SearchParameterValues.RankingScoreThresholdRange);
    }

    /// <summary>Filter errors carry <c>invalid_search_filter</c> and the parser's message, as in Meilisearch.</summary>
    private static FilterExpression? ParseFilter(JsonElement value)
    {
        try
        {
            return FilterJson.Parse(value);
        }
        catch (FilterParseException e)
        {
            throw SearchErrors.ToApiError(e);
        }
    }
}
