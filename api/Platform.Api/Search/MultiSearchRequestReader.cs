using System.Text.Json;
using Platform.Api.Errors;
using Platform.Api.Indexes;
using Platform.Api.Json;
using Platform.Search.Errors;

namespace Platform.Api.Search;

/// <summary>
/// Reads a <c>POST /multi-search</c> body with deserr's messages: paths name the query (<c>.queries[1].limit</c>),
/// unknown fields say where they are (<c>inside `.queries[1]`</c>). Errors Meilisearch reports only while searching
/// (filters, federation rules) are left to <see cref="MultiSearchOrchestrator"/>.
/// </summary>
internal static class MultiSearchRequestReader
{
    private static readonly string[] RootFields = ["queries", "federation"];
    private static readonly string[] FederationFields =
        ["limit", "offset", "page", "hitsPerPage", "facetsByIndex", "mergeFacets", "distinct", "showPerformanceDetails", "personalize"];
    private static readonly string[] FederationOptionFields = ["weight", "remote", "queryPosition"];
    private static readonly string[] MergeFacetsFields = ["maxValuesPerFacet"];

    /// <exception cref="ApiError">The body is not an object, a field is unknown, missing or of the wrong type.</exception>
    public static MultiSearchRequest Read(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw ApiError.BadRequest(
                $"Invalid value type: expected an object, but found {JsonDescriptions.Kind(body)}: `{JsonDescriptions.Compact(body)}`");
        }

        List<MultiSearchQuery>? queries = null;
        FederationSettings? federation = null;
        foreach (var property in body.EnumerateObject())
        {
            switch (property.Name)
            {
                case "queries":
                    queries = ReadQueries(property.Value);
                    break;
                case "federation":
                    federation = property.Value.ValueKind == JsonValueKind.Null ? null : ReadFederation(property.Value);
                    break;
                default:
                    throw JsonObjectReader.UnknownField(property.Name, RootFields);
            }
        }

        return new MultiSearchRequest(queries ?? throw ApiError.BadRequest("Missing field `queries`"), federation);
    }

    private static List<MultiSearchQuery> ReadQueries(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array) throw JsonObjectReader.TypeError(ErrorCodes.BadRequest, "queries", value, "an array");
        var queries = new List<MultiSearchQuery>(value.GetArrayLength());
        foreach (var element in value.EnumerateArray())
        {
            queries.Add(ReadQuery(queries.Count, element));
        }

        return queries;
    }

    private static MultiSearchQuery ReadQuery(int position, JsonElement value)
    {
        var location = $"queries[{position}]";
        if (value.ValueKind != JsonValueKind.Object) throw JsonObjectReader.TypeError(ErrorCodes.BadRequest, location, value, "an object");

        var fields = new SearchBodyFields(value, location, nullablePagination: true);
        string? indexUid = null;
        double weight = 1;
        var hasOptions = false;
        foreach (var property in value.EnumerateObject())
        {
            switch (property.Name)
            {
                case "indexUid":
                    indexUid = ReadIndexUid($"{location}.indexUid", property.Value);
                    break;
                case "federationOptions" when property.Value.ValueKind == JsonValueKind.Null:
                    break;
                case "federationOptions":
                    weight = ReadFederationOptions($"{location}.federationOptions", property.Value);
                    hasOptions = true;
                    break;
                default:
                    if (!fields.TryRead(property))
                    {
                        throw JsonObjectReader.UnknownField(property.Name, SearchParameters.MultiSearchQuery, "." + location);
                    }

                    break;
            }
        }

        if (indexUid is null) throw new ApiError(ErrorCodes.MissingIndexUid, $"Missing field `indexUid` inside `.{location}`");

        ApiError? filterError = null;
        Platform.Search.Filters.FilterExpression? filter = null;
        try
        {
            filter = fields.ParseFilter();
        }
        catch (ApiError e)
        {
            filterError = e;
        }

        return new MultiSearchQuery(position, indexUid, new ParsedSearchQuery(fields.Request with { Filter = filter }), weight)
        {
            HasFederationOptions = hasOptions,
            PaginationField = fields.PaginationField,
            FilterError = filterError,
        };
    }

    private static string ReadIndexUid(string path, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String) throw JsonObjectReader.TypeError(ErrorCodes.InvalidIndexUid, path, value, "a string");
        var uid = value.GetString()!;
        return IndexUid.IsValid(uid) ? uid : throw new ApiError(ErrorCodes.InvalidIndexUid, $"Invalid value at `.{path}`: {IndexUid.Describe(uid)}");
    }

    private static double ReadFederationOptions(string path, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object) throw JsonObjectReader.TypeError(ErrorCodes.BadRequest, path, value, "an object");
        double weight = 1;
        foreach (var property in value.EnumerateObject())
        {
            var v = property.Value;
            switch (property.Name)
            {
                case "weight":
                    if (v.ValueKind != JsonValueKind.Number) throw JsonObjectReader.TypeError(ErrorCodes.InvalidMultiSearchWeight, $"{path}.weight", v, "a number");
                    weight = v.GetDouble();
                    if (weight < 0)
                    {
                        throw new ApiError(ErrorCodes.InvalidMultiSearchWeight,
                            $"Invalid value at `.{path}.weight`: the value of `weight` is invalid, expected a positive float (>= 0.0).");
                    }

                    break;
                case "remote":
                    if (v.ValueKind == JsonValueKind.Null) break;
                    if (v.ValueKind != JsonValueKind.String) throw JsonObjectReader.TypeError(ErrorCodes.InvalidMultiSearchRemote, $"{path}.remote", v, "a string");
                    throw new ApiError(ErrorCodes.InvalidMultiSearchRemote, "The federation option `remote` is not supported by this platform.");
                case "queryPosition":
                    if (v.ValueKind == JsonValueKind.Null) break;
                    throw new ApiError(ErrorCodes.InvalidMultiSearchQueryPosition, "The federation option `queryPosition` is not supported by this platform.");
                default:
                    throw JsonObjectReader.UnknownField(property.Name, FederationOptionFields, "." + path);
            }
        }

        return weight;
    }

    private static FederationSettings ReadFederation(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object) throw JsonObjectReader.TypeError(ErrorCodes.BadRequest, "federation", value, "an object");
        var settings = new FederationSettings();
        foreach (var property in value.EnumerateObject())
        {
            var v = property.Value;
            var path = "federation." + property.Name;
            settings = property.Name switch
            {
                "limit" => settings with { Limit = Integer(ErrorCodes.InvalidSearchLimit, path, v, nullable: false)!.Value },
                "offset" => settings with { Offset = Integer(ErrorCodes.InvalidSearchOffset, path, v, nullable: false)!.Value },
                "page" => settings with { Page = Integer(ErrorCodes.InvalidSearchPage, path, v, nullable: true) },
                "hitsPerPage" => settings with { HitsPerPage = Integer(ErrorCodes.InvalidSearchHitsPerPage, path, v, nullable: true) },
                "facetsByIndex" => settings with { FacetsByIndex = ReadFacetsByIndex(path, v) },
                "mergeFacets" when v.ValueKind == JsonValueKind.Null => settings with { MergeFacets = false, MaxValuesPerFacet = null },
                "mergeFacets" => settings with { MergeFacets = true, MaxValuesPerFacet = ReadMergeFacets(path, v) },
                "distinct" or "personalize" when v.ValueKind == JsonValueKind.Null => settings,
                "showPerformanceDetails" when v.ValueKind == JsonValueKind.False => settings,
                "distinct" or "personalize" or "showPerformanceDetails" => throw new ApiError(
                    "invalid_multi_search_" + JsonObjectReader.Snake(property.Name),
                    $"The federation parameter `{property.Name}` is not supported by this platform."),
                _ => throw JsonObjectReader.UnknownField(property.Name, FederationFields, ".federation"),
            };
        }

        return settings;
    }

    private static SortedDictionary<string, IReadOnlyList<string>> ReadFacetsByIndex(string path, JsonElement value)
    {
        const string Code = ErrorCodes.InvalidMultiSearchFacetsByIndex;
        if (value.ValueKind != JsonValueKind.Object) throw JsonObjectReader.TypeError(Code, path, value, "an object");
        var facets = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            if (!IndexUid.IsValid(property.Name))
            {
                throw new ApiError(ErrorCodes.InvalidIndexUid, $"Invalid value at `.{path}`: {IndexUid.Describe(property.Name)}");
            }

            var entry = property.Value;
            if (entry.ValueKind == JsonValueKind.Null) continue;
            if (entry.ValueKind != JsonValueKind.Array) throw JsonObjectReader.TypeError(Code, $"{path}.{property.Name}", entry, "an array");
            var names = new List<string>();
            foreach (var name in entry.EnumerateArray())
            {
                if (name.ValueKind != JsonValueKind.String)
                {
                    throw JsonObjectReader.TypeError(Code, $"{path}.{property.Name}[{names.Count}]", name, "a string");
                }

                names.Add(name.GetString()!);
            }

            facets[property.Name] = names;
        }

        return facets;
    }

    private static int? ReadMergeFacets(string path, JsonElement value)
    {
        const string Code = ErrorCodes.InvalidMultiSearchMergeFacets;
        if (value.ValueKind != JsonValueKind.Object) throw JsonObjectReader.TypeError(Code, path, value, "an object");
        int? max = null;
        foreach (var property in value.EnumerateObject())
        {
            if (property.Name != "maxValuesPerFacet") throw JsonObjectReader.UnknownField(property.Name, MergeFacetsFields, "." + path, Code);
            max = Integer(ErrorCodes.InvalidMultiSearchMaxValuesPerFacet, path + ".maxValuesPerFacet", property.Value, nullable: true);
        }

        return max;
    }

    private static int? Integer(string code, string path, JsonElement value, bool nullable)
    {
        if (value.ValueKind == JsonValueKind.Null && nullable) return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) && n >= 0) return (int)Math.Min(n, int.MaxValue);
        throw JsonObjectReader.TypeError(code, path, value, "a positive integer");
    }
}
