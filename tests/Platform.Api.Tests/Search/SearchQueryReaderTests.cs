using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Platform.Api.Errors;
using Platform.Api.Search;
using Platform.Search.Engine;
using Platform.Search.Filters;

namespace Platform.Api.Tests.Search;

public sealed class SearchQueryReaderTests
{
    private static ParsedSearchQuery Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return SearchQueryReader.Read(document.RootElement.Clone());
    }

    private static ApiError Fails(string json) => Assert.Throws<ApiError>(() => Read(json));

    private static void AssertError(ApiError error, string code, string message)
    {
        Assert.Equal(message, error.Message);
        Assert.Equal(code, error.Code);
    }

    [Fact]
    public void Empty_body_gives_Meilisearch_defaults_in_offset_mode()
    {
        var request = Read("{}").Request;
        Assert.Null(request.Q);
        Assert.Null(request.Filter);
        Assert.Equal(20, request.Limit);
        Assert.Equal(0, request.Offset);
        Assert.False(request.IsPageMode);
        Assert.Equal("<em>", request.HighlightPreTag);
        Assert.Equal("</em>", request.HighlightPostTag);
        Assert.Equal("…", request.CropMarker);
        Assert.Equal(10, request.CropLength);
        Assert.Equal(MatchingStrategy.Last, request.MatchingStrategy);
    }

    [Fact]
    public void Every_supported_parameter_is_read()
    {
        var request = Read("""
            {"q": "dune", "filter": "genre = sf", "sort": ["year:asc"], "limit": 5, "offset": 2,
             "facets": ["genre"], "attributesToRetrieve": ["title"], "attributesToHighlight": ["*"],
             "highlightPreTag": "<b>", "highlightPostTag": "</b>", "attributesToCrop": ["overview:5"], "cropLength": 3,
             "cropMarker": "...", "showMatchesPosition": true, "matchingStrategy": "frequency", "showRankingScore": true,
             "rankingScoreThreshold": 0.25, "distinct": "sku", "attributesToSearchOn": ["title"]}
            """).Request;
        Assert.Equal("dune", request.Q);
        Assert.Equal(new ComparisonFilter("genre", ComparisonOperator.Equal, "sf"), request.Filter);
        Assert.Equal(["year:asc"], request.Sort!);
        Assert.Equal(5, request.Limit);
        Assert.Equal(2, request.Offset);
        Assert.Equal(["genre"], request.Facets!);
        Assert.Equal(["title"], request.AttributesToRetrieve!);
        Assert.Equal(["*"], request.AttributesToHighlight!);
        Assert.Equal("<b>", request.HighlightPreTag);
        Assert.Equal("</b>", request.HighlightPostTag);
        Assert.Equal(["overview:5"], request.AttributesToCrop!);
        Assert.Equal(3, request.CropLength);
        Assert.Equal("...", request.CropMarker);
        Assert.True(request.ShowMatchesPosition);
        Assert.Equal(MatchingStrategy.Frequency, request.MatchingStrategy);
        Assert.True(request.ShowRankingScore);
        Assert.Equal(0.25, request.RankingScoreThreshold);
        Assert.Equal("sku", request.Distinct);
        Assert.Equal(["title"], request.AttributesToSearchOn!);
        Assert.False(request.IsPageMode);
    }

    [Theory]
    [InlineData("""{"page": 2}""", 2, null)]
    [InlineData("""{"hitsPerPage": 0}""", null, 0)]
    [InlineData("""{"page": 1, "hitsPerPage": 7, "limit": 3}""", 1, 7)]
    public void Page_or_hitsPerPage_switches_to_page_mode(string json, int? page, int? hitsPerPage)
    {
        var request = Read(json).Request;
        Assert.True(request.IsPageMode);
        Assert.Equal(page, request.Page);
        Assert.Equal(hitsPerPage, request.HitsPerPage);
    }

    [Fact]
    public void Null_page_and_hitsPerPage_stay_in_offset_mode()
    {
        Assert.False(Read("""{"page": null, "hitsPerPage": null}""").Request.IsPageMode);
    }

    [Fact]
    public void The_filter_is_parsed_separately_and_an_array_is_a_conjunction()
    {
        var query = Read("""{"filter": ["a = 1", ["b = 2", "c = 3"]]}""");
        var and = Assert.IsType<AndFilter>(query.Filter);
        Assert.Equal(2, and.Operands.Count);
        Assert.IsType<OrFilter>(and.Operands[1]);
        Assert.Null(Read("""{"filter": null}""").Filter);
        Assert.Null(Read("""{"filter": []}""").Filter);
    }

    [Theory]
    [InlineData("""{"q": ["doggo"]}""", "invalid_search_q", "Invalid value type at `.q`: expected a string, but found an array: `[\"doggo\"]`")]
    [InlineData("""{"offset": "doggo"}""", "invalid_search_offset", "Invalid value type at `.offset`: expected a positive integer, but found a string: `\"doggo\"`")]
    [InlineData("""{"limit": "doggo"}""", "invalid_search_limit", "Invalid value type at `.limit`: expected a positive integer, but found a string: `\"doggo\"`")]
    [InlineData("""{"limit": -1}""", "invalid_search_limit", "Invalid value type at `.limit`: expected a positive integer, but found a negative integer: `-1`")]
    [InlineData("""{"limit": 1.5}""", "invalid_search_limit", "Invalid value type at `.limit`: expected a positive integer, but found a number: `1.5`")]
    [InlineData("""{"limit": null}""", "invalid_search_limit", "Invalid value type at `.limit`: expected a positive integer, but found null: `null`")]
    [InlineData("""{"page": "doggo"}""", "invalid_search_page", "Invalid value type at `.page`: expected a positive integer, but found a string: `\"doggo\"`")]
    [InlineData("""{"hitsPerPage": "doggo"}""", "invalid_search_hits_per_page", "Invalid value type at `.hitsPerPage`: expected a positive integer, but found a string: `\"doggo\"`")]
    [InlineData("""{"attributesToRetrieve": "doggo"}""", "invalid_search_attributes_to_retrieve", "Invalid value type at `.attributesToRetrieve`: expected an array, but found a string: `\"doggo\"`")]
    [InlineData("""{"attributesToRetrieve": ["a", 1]}""", "invalid_search_attributes_to_retrieve", "Invalid value type at `.attributesToRetrieve[1]`: expected a string, but found a positive integer: `1`")]
    [InlineData("""{"attributesToCrop": "doggo"}""", "invalid_search_attributes_to_crop", "Invalid value type at `.attributesToCrop`: expected an array, but found a string: `\"doggo\"`")]
    [InlineData("""{"cropLength": "doggo"}""", "invalid_search_crop_length", "Invalid value type at `.cropLength`: expected a positive integer, but found a string: `\"doggo\"`")]
    [InlineData("""{"cropMarker": ["doggo"]}""", "invalid_search_crop_marker", "Invalid value type at `.cropMarker`: expected a string, but found an array: `[\"doggo\"]`")]
    [InlineData("""{"attributesToHighlight": "doggo"}""", "invalid_search_attributes_to_highlight", "Invalid value type at `.attributesToHighlight`: expected an array, but found a string: `\"doggo\"`")]
    [InlineData("""{"highlightPreTag": ["doggo"]}""", "invalid_search_highlight_pre_tag", "Invalid value type at `.highlightPreTag`: expected a string, but found an array: `[\"doggo\"]`")]
    [InlineData("""{"highlightPostTag": ["doggo"]}""", "invalid_search_highlight_post_tag", "Invalid value type at `.highlightPostTag`: expected a string, but found an array: `[\"doggo\"]`")]
    [InlineData("""{"showMatchesPosition": "doggo"}""", "invalid_search_show_matches_position", "Invalid value type at `.showMatchesPosition`: expected a boolean, but found a string: `\"doggo\"`")]
    [InlineData("""{"showRankingScore": 1}""", "invalid_search_show_ranking_score", "Invalid value type at `.showRankingScore`: expected a boolean, but found a positive integer: `1`")]
    [InlineData("""{"sort": "doggo"}""", "invalid_search_sort", "Invalid value type at `.sort`: expected an array, but found a string: `\"doggo\"`")]
    [InlineData("""{"distinct": 3}""", "invalid_search_distinct", "Invalid value type at `.distinct`: expected a string, but found a positive integer: `3`")]
    [InlineData("""{"facets": "doggo"}""", "invalid_search_facets", "Invalid value type at `.facets`: expected an array, but found a string: `\"doggo\"`")]
    [InlineData("""{"matchingStrategy": "doggo"}""", "invalid_search_matching_strategy", "Unknown value `doggo` at `.matchingStrategy`: expected one of `last`, `all`, `frequency`")]
    [InlineData("""{"matchingStrategy": {"doggo": "doggo"}}""", "invalid_search_matching_strategy", "Invalid value type at `.matchingStrategy`: expected a string, but found an object: `{\"doggo\":\"doggo\"}`")]
    [InlineData("""{"attributesToSearchOn": "doggo"}""", "invalid_search_attributes_to_search_on", "Invalid value type at `.attributesToSearchOn`: expected an array, but found a string: `\"doggo\"`")]
    [InlineData("""{"rankingScoreThreshold": "doggo"}""", "invalid_search_ranking_score_threshold", "Invalid value type at `.rankingScoreThreshold`: expected a number, but found a string: `\"doggo\"`")]
    [InlineData("""{"rankingScoreThreshold": 42}""", "invalid_search_ranking_score_threshold", "Invalid value at `.rankingScoreThreshold`: the value of `rankingScoreThreshold` is invalid, expected a float between `0.0` and `1.0`.")]
    [InlineData("""{"filter": true}""", "invalid_search_filter", "Invalid syntax for the filter parameter: `expected String, Array, found: true`.")]
    [InlineData("""{"retrieveVectors": "doggo"}""", "invalid_search_retrieve_vectors", "Invalid value type at `.retrieveVectors`: expected a boolean, but found a string: `\"doggo\"`")]
    [InlineData("""{"q": "é<b>", "limit": "é<b>"}""", "invalid_search_limit", "Invalid value type at `.limit`: expected a positive integer, but found a string: `\"é<b>\"`")]
    public void Type_errors_use_the_field_code_and_deserr_message(string json, string code, string message)
    {
        AssertError(Fails(json), code, message);
    }

    [Fact]
    public void Fields_are_checked_in_body_order_and_the_filter_last()
    {
        AssertError(Fails("""{"limit": "x", "offset": "y"}"""), "invalid_search_limit",
            "Invalid value type at `.limit`: expected a positive integer, but found a string: `\"x\"`");
        Assert.Equal("invalid_search_offset", Fails("""{"filter": true, "offset": "y"}""").Code);
    }

    [Fact]
    public void An_unknown_field_lists_every_field_in_Meilisearch_order()
    {
        AssertError(Fails("""{"marin": "hello"}"""), "bad_request",
            "Unknown field `marin`: expected one of `q`, `offset`, `limit`, `page`, `hitsPerPage`, `attributesToRetrieve`, "
            + "`attributesToCrop`, `cropLength`, `cropMarker`, `attributesToHighlight`, `highlightPreTag`, `highlightPostTag`, "
            + "`showMatchesPosition`, `filter`, `sort`, `distinct`, `facets`, `matchingStrategy`, `attributesToSearchOn`, "
            + "`rankingScoreThreshold`, `locales`, `hybrid`, `vector`, `retrieveVectors`, `media`, `personalize`, `useNetwork`, "
            + "`showRankingScore`, `showRankingScoreDetails`, `showPerformanceDetails`");
    }

    [Fact]
    public void A_body_that_is_not_an_object_is_a_bad_request()
    {
        AssertError(Fails("[]"), "bad_request", "Invalid value type: expected an object, but found an array: `[]`");
    }

    [Theory]
    [InlineData("""{"hybrid": {"embedder": "default"}}""", "hybrid", "invalid_search_hybrid_query")]
    [InlineData("""{"vector": [0.1, 0.2]}""", "vector", "invalid_search_vector")]
    [InlineData("""{"retrieveVectors": true}""", "retrieveVectors", "invalid_search_retrieve_vectors")]
    [InlineData("""{"locales": ["fra"]}""", "locales", "invalid_search_locales")]
    [InlineData("""{"showRankingScoreDetails": true}""", "showRankingScoreDetails", "invalid_search_show_ranking_score_details")]
    [InlineData("""{"showPerformanceDetails": true}""", "showPerformanceDetails", "invalid_search_show_performance_details")]
    [InlineData("""{"media": {"image": "x"}}""", "media", "invalid_search_media")]
    [InlineData("""{"personalize": {"userContext": "x"}}""", "personalize", "invalid_search_personalize")]
    [InlineData("""{"useNetwork": true}""", "useNetwork", "invalid_search_use_network")]
    public void Unsupported_features_are_refused_with_their_own_code(string json, string parameter, string code)
    {
        AssertError(Fails(json), code, $"The search parameter `{parameter}` is not supported by this platform.");
    }

    [Fact]
    public void Unsupported_features_sent_switched_off_are_accepted()
    {
        Read("""{"retrieveVectors": false, "showRankingScoreDetails": false, "showPerformanceDetails": false, "locales": [], "hybrid": null, "vector": null, "useNetwork": null}""");
    }

    // ---- GET form ----

    private static ParsedSearchQuery Get(params (string Key, string Value)[] parameters) =>
        SearchQueryReader.ReadQueryString(new QueryCollection(parameters.ToDictionary(p => p.Key, p => new StringValues(p.Value))));

    private static ApiError GetFails(params (string Key, string Value)[] parameters) => Assert.Throws<ApiError>(() => Get(parameters));

    [Fact]
    public void Query_string_parameters_are_read_with_comma_separated_lists()
    {
        var request = Get(("q", "dune"), ("limit", "5"), ("offset", "1"), ("attributesToRetrieve", "title,year"),
            ("facets", "genre,year"), ("sort", "year:desc,_geoPoint(1.5, 2):asc,title:asc"), ("filter", "genre = sf"),
            ("showMatchesPosition", "true"), ("showRankingScore", "false"), ("matchingStrategy", "all"),
            ("rankingScoreThreshold", "0.5"), ("cropLength", "4"), ("attributesToCrop", "overview"),
            ("attributesToHighlight", "*"), ("highlightPreTag", "["), ("highlightPostTag", "]"), ("cropMarker", "~"),
            ("distinct", "sku"), ("attributesToSearchOn", "title")).Request;
        Assert.Equal("dune", request.Q);
        Assert.Equal(5, request.Limit);
        Assert.Equal(1, request.Offset);
        Assert.Equal(["title", "year"], request.AttributesToRetrieve!);
        Assert.Equal(["genre", "year"], request.Facets!);
        Assert.Equal(["year:desc", "_geoPoint(1.5,2):asc", "title:asc"], request.Sort!);
        Assert.Equal(new ComparisonFilter("genre", ComparisonOperator.Equal, "sf"), request.Filter);
        Assert.True(request.ShowMatchesPosition);
        Assert.False(request.ShowRankingScore);
        Assert.Equal(MatchingStrategy.All, request.MatchingStrategy);
        Assert.Equal(0.5, request.RankingScoreThreshold);
        Assert.Equal(4, request.CropLength);
        Assert.Equal(["overview"], request.AttributesToCrop!);
        Assert.Equal(["*"], request.AttributesToHighlight!);
        Assert.Equal("[", request.HighlightPreTag);
        Assert.Equal("]", request.HighlightPostTag);
        Assert.Equal("~", request.CropMarker);
        Assert.Equal("sku", request.Distinct);
        Assert.Equal(["title"], request.AttributesToSearchOn!);
        Assert.False(request.IsPageMode);
        Assert.True(Get(("hitsPerPage", "3")).Request.IsPageMode);
        Assert.Equal(2, Get(("page", "2")).Request.Page);
    }

    [Theory]
    [InlineData("limit", "doggo", "invalid_search_limit", "Invalid value in parameter `limit`: could not parse `doggo` as a positive integer")]
    [InlineData("offset", "-1", "invalid_search_offset", "Invalid value in parameter `offset`: could not parse `-1` as a positive integer")]
    [InlineData("page", "doggo", "invalid_search_page", "Invalid value in parameter `page`: could not parse `doggo` as a positive integer")]
    [InlineData("hitsPerPage", "doggo", "invalid_search_hits_per_page", "Invalid value in parameter `hitsPerPage`: could not parse `doggo` as a positive integer")]
    [InlineData("cropLength", "doggo", "invalid_search_crop_length", "Invalid value in parameter `cropLength`: could not parse `doggo` as a positive integer")]
    [InlineData("showMatchesPosition", "doggo", "invalid_search_show_matches_position", "Invalid value in parameter `showMatchesPosition`: could not parse `doggo` as a boolean, expected either `true` or `false`")]
    [InlineData("retrieveVectors", "", "invalid_search_retrieve_vectors", "Invalid value in parameter `retrieveVectors`: could not parse `` as a boolean, expected either `true` or `false`")]
    [InlineData("matchingStrategy", "doggo", "invalid_search_matching_strategy", "Unknown value `doggo` for parameter `matchingStrategy`: expected one of `last`, `all`, `frequency`")]
    [InlineData("rankingScoreThreshold", "2", "invalid_search_ranking_score_threshold", "Invalid value in parameter `rankingScoreThreshold`: the value of `rankingScoreThreshold` is invalid, expected a float between `0.0` and `1.0`.")]
    [InlineData("filter", "true", "invalid_search_filter", "Invalid syntax for the filter parameter: `expected String, Array, found: true`.")]
    [InlineData("vector", "0.1,0.2", "invalid_search_vector", "The search parameter `vector` is not supported by this platform.")]
    [InlineData("hybridEmbedder", "default", "invalid_search_embedder", "The search parameter `hybridEmbedder` is not supported by this platform.")]
    [InlineData("retrieveVectors", "true", "invalid_search_retrieve_vectors", "The search parameter `retrieveVectors` is not supported by this platform.")]
    public void Query_string_errors_use_the_parameter_wording(string name, string value, string code, string message)
    {
        AssertError(GetFails((name, value)), code, message);
    }

    [Fact]
    public void An_unknown_query_parameter_lists_the_GET_parameters()
    {
        var error = GetFails(("doggo", "1"));
        Assert.Equal("bad_request", error.Code);
        Assert.StartsWith("Unknown parameter `doggo`: expected one of `q`, `vector`, `offset`, `limit`, `page`, `hitsPerPage`, ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("`locales`, `personalizeUserContext`, `useNetwork`", error.Message, StringComparison.Ordinal);
        Assert.Equal("bad_request", GetFails(("hybrid", "x")).Code);
    }

    [Fact]
    public void A_query_string_filter_that_is_JSON_is_read_as_JSON_as_Meilisearch_does()
    {
        Assert.IsType<AndFilter>(Get(("filter", """["a = 1", "b = 2"]""")).Filter);
        Assert.IsType<ComparisonFilter>(Get(("filter", "a = 1")).Filter);
    }
}
