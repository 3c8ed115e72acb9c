using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Platform.Api.Errors;
using Platform.Api.Json;
using Platform.Search.Engine;
using Platform.Search.Filters;

namespace Platform.Api.Search;

/// <summary>The GET form of a search (docs/api-reference.md#search-with-get), with deserr's query-parameter messages.</summary>
internal static class SearchQueryString
{
    public static ParsedSearchQuery Read(IQueryCollection query)
    {
        var request = new SearchRequest();
        string? filter = null;
        foreach (var (name, values) in query)
        {
            var text = values.Count == 0 ? "" : values[0] ?? "";
            request = name switch
            {
                "q" => request with { Q = text },
                "offset" => request with { Offset = Integer(name, text) },
                "limit" => request with { Limit = Integer(name, text) },
                "page" => request with { Page = Integer(name, text) },
                "hitsPerPage" => request with { HitsPerPage = Integer(name, text) },
                "attributesToRetrieve" => request with { AttributesToRetrieve = List(text) },
                "attributesToCrop" => request with { AttributesToCrop = List(text) },
                "cropLength" => request with { CropLength = Integer(name, text) },
                "attributesToHighlight" => request with { AttributesToHighlight = List(text) },
                "sort" => request with { Sort = Sort(text) },
                "distinct" => request with { Distinct = text },
                "showMatchesPosition" => request with { ShowMatchesPosition = Boolean(name, text) },
                "showRankingScore" => request with { ShowRankingScore = Boolean(name, text) },
                "facets" => request with { Facets = List(text) },
                "highlightPreTag" => request with { HighlightPreTag = SearchTextLimits.Tag(name, name, text) },
                "highlightPostTag" => request with { HighlightPostTag = SearchTextLimits.Tag(name, name, text) },
                "cropMarker" => request with { CropMarker = SearchTextLimits.Tag(name, name, text) },
                "matchingStrategy" => request with { MatchingStrategy = Strategy(name, text) },
                "attributesToSearchOn" => request with { AttributesToSearchOn = List(text) },
                "rankingScoreThreshold" => request with { RankingScoreThreshold = Threshold(name, text) },
                "filter" => request,
                "retrieveVectors" or "showRankingScoreDetails" or "showPerformanceDetails" or "useNetwork" =>
                    Boolean(name, text) ? throw SearchParameters.NotSupported(name) : request,
                _ when SearchParameters.Unsupported.ContainsKey(name) && Array.IndexOf(SearchParameters.QueryString, name) >= 0 =>
                    throw SearchParameters.NotSupported(name),
                _ => throw ApiError.BadRequest(
                    $"Unknown parameter `{name}`: expected one of {string.Join(", ", SearchParameters.QueryString.Select(p => $"`{p}`"))}"),
            };

            if (name == "filter")
            {
                filter = text;
            }
        }

        // Meilisearch checks the filter only when it searches, after every other parameter.
        return new ParsedSearchQuery(request with { Filter = filter is null ? null : Filter(filter) });
    }

    private static int Integer(string name, string text)
    {
        if (!ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw new ApiError(Code(name), $"Invalid value in parameter `{name}`: could not parse `{text}` as a positive integer");
        }

        return (int)Math.Min(value, int.MaxValue);
    }

    private static bool Boolean(string name, string text) => text switch
    {
        "true" => true,
        "false" => false,
        _ => throw new ApiError(Code(name),
            $"Invalid value in parameter `{name}`: could not parse `{text}` as a boolean, expected either `true` or `false`"),
    };

    private static MatchingStrategy Strategy(string name, string text) =>
        SearchParameterValues.TryParseMatchingStrategy(text, out var strategy)
            ? strategy
            : throw new ApiError(Code(name),
                $"Unknown value `{text}` for parameter `{name}`: expected one of {SearchParameterValues.MatchingStrategyNames}");

    private static double Threshold(string name, string text)
    {
        // Meilisearch answers a value that is not a number and one out of range with the same message.
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && SearchParameterValues.IsValidRankingScoreThreshold(value))
        {
            return value;
        }

        throw new ApiError(Code(name), $"Invalid value in parameter `{name}`: {SearchParameterValues.RankingScoreThresholdRange}");
    }

    private static List<string> List(string text) => [.. text.Split(',')];

    /// <summary>
    /// Splits <c>sort</c> on commas, except those inside <c>_geoPoint(lat, lng)</c>, trimming each expression.
    /// </summary>
    private static List<string> Sort(string text)
    {
        var expressions = new List<string>();
        var insideGeoPoint = false;
        foreach (var raw in text.Trim('"').Split(','))
        {
            var part = raw.Trim();
            if (part.StartsWith("_geoPoint(", StringComparison.Ordinal))
            {
                expressions.Add(part);
                insideGeoPoint = !part.Contains(')', StringComparison.Ordinal);
            }
            else if (insideGeoPoint && expressions.Count > 0)
            {
                expressions[^1] += "," + part;
                insideGeoPoint = !(part.EndsWith("):asc", StringComparison.Ordinal) || part.EndsWith("):desc", StringComparison.Ordinal));
            }
            else
            {
                expressions.Add(part);
            }
        }

        return expressions;
    }

    private static FilterExpression? Filter(string text)
    {
        try
        {
            JsonElement value;
            try
            {
                using var document = JsonDocument.Parse(text);
                value = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                return FilterJson.Parse(JsonSerializer.SerializeToElement(text));
            }

            return FilterJson.Parse(value);
        }
        catch (FilterParseException e)
        {
            throw SearchErrors.ToApiError(e);
        }
    }

    private static string Code(string name) => "invalid_search_" + JsonObjectReader.Snake(name);
}
