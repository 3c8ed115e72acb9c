using System.Text.Json;
using Platform.Api.Errors;
using Platform.Api.Json;
using Platform.Search.Engine;
using Platform.Search.Filters;

namespace Platform.Api.Search;

/// <summary>
/// Reads the search fields of one JSON object (a search body, or one query of a multi-search) with deserr's messages
/// and each field's own <c>invalid_search_*</c> code. Fields are checked in the order they appear, as deserr does.
/// The filter is kept raw and parsed by <see cref="ParseFilter"/>, because Meilisearch checks it only when searching,
/// after every other field (and, in a multi-search, as an error of that query).
/// </summary>
internal sealed class SearchBodyFields
{
    private readonly JsonObjectReader _reader;
    private readonly string _location;
    private readonly bool _nullablePagination;
    private bool _offset, _limit, _page, _hitsPerPage;

    /// <param name="body">The JSON object.</param>
    /// <param name="location">Path of the object without the leading dot: empty for a body, <c>queries[0]</c> in a multi-search.</param>
    /// <param name="nullablePagination">True in a multi-search, where <c>offset</c> and <c>limit</c> may be null.</param>
    public SearchBodyFields(JsonElement body, string location, bool nullablePagination)
    {
        _reader = new JsonObjectReader(body, "search");
        _location = location;
        _nullablePagination = nullablePagination;
    }

    public SearchRequest Request { get; private set; } = new();

    /// <summary>The raw <c>filter</c> value; <c>Undefined</c> when absent.</summary>
    public JsonElement Filter { get; private set; }

    /// <summary>The first pagination field given (not null), in Meilisearch's order, or null.</summary>
    public string? PaginationField =>
        _offset ? "offset" : _limit ? "limit" : _page ? "page" : _hitsPerPage ? "hitsPerPage" : null;

    /// <summary>Reads <paramref name="property"/> when it is a search field; false when it is not one.</summary>
    public bool TryRead(JsonProperty property)
    {
        // Long on purpose: a linear reader of Meilisearch's search body, one case per field, each with its own code
        // and message; splitting it would scatter the format.
        var value = property.Value;
        var name = property.Name;
        switch (name)
        {
            case "q":
                Request = Request with { Q = NullableString(name, value) };
                break;
            case "offset":
                var offset = Integer(name, value, _nullablePagination);
                _offset = offset is not null;
                Request = Request with { Offset = offset ?? 0 };
                break;
            case "limit":
                var limit = Integer(name, value, _nullablePagination);
                _limit = limit is not null;
                Request = Request with { Limit = limit ?? 20 };
                break;
            case "page":
                Request = Request with { Page = Integer(name, value, nullable: true) };
                _page = Request.Page is not null;
                break;
            case "hitsPerPage":
                Request = Request with { HitsPerPage = Integer(name, value, nullable: true) };
                _hitsPerPage = Request.HitsPerPage is not null;
                break;
            case "attributesToRetrieve":
                Request = Request with { AttributesToRetrieve = StringList(name, value) };
                break;
            case "attributesToCrop":
                Request = Request with { AttributesToCrop = StringList(name, value) };
                break;
            case "cropLength":
                Request = Request with { CropLength = Integer(name, value, nullable: false)!.Value };
                break;
            case "cropMarker":
                Request = Request with { CropMarker = SearchTextLimits.Tag(name, Path(name), String(name, value)) };
                break;
            case "attributesToHighlight":
                Request = Request with { AttributesToHighlight = StringList(name, value) };
                break;
            case "highlightPreTag":
                Request = Request with { HighlightPreTag = SearchTextLimits.Tag(name, Path(name), String(name, value)) };
                break;
            case "highlightPostTag":
                Request = Request with { HighlightPostTag = SearchTextLimits.Tag(name, Path(name), String(name, value)) };
                break;
            case "showMatchesPosition":
                Request = Request with { ShowMatchesPosition = Boolean(name, value) };
                break;
            case "filter":
                Filter = value;
                break;
            case "sort":
                Request = Request with { Sort = StringList(name, value) };
                break;
            case "distinct":
                Request = Request with { Distinct = NullableString(name, value) };
                break;
            case "facets":
                Request = Request with { Facets = StringList(name, value) };
                break;
            case "matchingStrategy":
                Request = Request with { MatchingStrategy = Strategy(name, value) };
                break;
            case "attributesToSearchOn":
                Request = Request with { AttributesToSearchOn = StringList(name, value) };
                break;
            case "rankingScoreThreshold":
                Request = Request with { RankingScoreThreshold = Threshold(name, value) };
                break;
            case "showRankingScore":
                Request = Request with { ShowRankingScore = Boolean(name, value) };
                break;
            case "retrieveVectors" or "showRankingScoreDetails" or "showPerformanceDetails":
                // Accepted while off, so clients that always send the default keep working.
                if (Boolean(name, value)) throw SearchParameters.NotSupported(name);
                break;
            case "useNetwork":
                if (value.ValueKind != JsonValueKind.Null && Boolean(name, value)) throw SearchParameters.NotSupported(name);
                break;
            case "locales" or "hybrid" or "vector" or "media" or "personalize":
                if (value.ValueKind is not JsonValueKind.Null && !(value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 0))
                {
                    throw SearchParameters.NotSupported(name);
                }

                break;
            default:
                return false;
        }

        return true;
    }

    /// <summary>Parses the raw filter; a wrong JSON type or a syntax error is 400 <c>invalid_search_filter</c>.</summary>
    public FilterExpression? ParseFilter()
    {
        try
        {
            return FilterJson.Parse(Filter);
        }
        catch (FilterParseException e)
        {
            throw SearchErrors.ToApiError(e);
        }
    }

    private string Path(string field) => _location.Length == 0 ? field : $"{_location}.{field}";

    private ApiError TypeError(string field, JsonElement value, string expected) =>
        _reader.TypeError(Path(field), value, expected, field);

    private string? NullableString(string field, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString(),
        _ => throw TypeError(field, value, "a string"),
    };

    private string String(string field, JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw TypeError(field, value, "a string");

    private bool Boolean(string field, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw TypeError(field, value, "a boolean"),
    };

    private int? Integer(string field, JsonElement value, bool nullable)
    {
        if (value.ValueKind == JsonValueKind.Null && nullable) return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) && n >= 0)
        {
            // Meilisearch takes any usize; beyond int.MaxValue every count is capped by maxTotalHits anyway.
            return (int)Math.Min(n, int.MaxValue);
        }

        throw TypeError(field, value, "a positive integer");
    }

    private List<string>? StringList(string field, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Array) throw TypeError(field, value, "an array");
        var list = new List<string>(value.GetArrayLength());
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String) throw _reader.TypeError($"{Path(field)}[{i}]", item, "a string", field);
            list.Add(item.GetString()!);
            i++;
        }

        return list;
    }

    private MatchingStrategy Strategy(string field, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String) throw TypeError(field, value, "a string");
        var text = value.GetString();
        return SearchParameterValues.TryParseMatchingStrategy(text, out var strategy)
            ? strategy
            : throw SearchParameters.UnknownMatchingStrategy(text, Path(field));
    }

    private double? Threshold(string field, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Number) throw TypeError(field, value, "a number");
        var threshold = value.GetDouble();
        return SearchParameterValues.IsValidRankingScoreThreshold(threshold)
            ? threshold
            : throw _reader.ValueError(Path(field), SearchParameterValues.RankingScoreThresholdRange, field);
    }
}
