using System.Text.Json;
using Platform.Api.Errors;
using Platform.Api.Json;
using Platform.Api.Search;
using Platform.Search.Engine;
using Platform.Search.Filters;

namespace Platform.Api.Tests.Search;

public sealed class FacetSearchRequestReaderTests
{
    private static FacetSearchRequest Read(string json, bool rejectUnknownFields = false) =>
        FacetSearchRequestReader.Read(new JsonObjectReader(JsonDocument.Parse(json).RootElement.Clone(), "facet_search"), rejectUnknownFields);

    private static ApiError Fails(string json, string code, bool rejectUnknownFields = false)
    {
        var error = Assert.Throws<ApiError>(() => Read(json, rejectUnknownFields));
        Assert.Equal(code, error.Code);
        return error;
    }

    [Fact]
    public void Reads_every_field()
    {
        var request = Read("""
            {"facetName":"genres","facetQuery":"act","q":"batman","filter":["year > 2000",["available = true","rating > 8"]],
             "matchingStrategy":"frequency","attributesToSearchOn":["title"],"rankingScoreThreshold":0.5,
             "exhaustiveFacetCount":true,"locales":["eng"],"useNetwork":false,"vector":null,"hybrid":null,"media":null}
            """);
        Assert.Equal("genres", request.FacetName);
        Assert.Equal("act", request.FacetQuery);
        Assert.Equal("batman", request.Q);
        Assert.Equal(FilterJson.Parse(JsonDocument.Parse("""["year > 2000",["available = true","rating > 8"]]""").RootElement), request.Filter);
        Assert.NotNull(request.Filter);
        Assert.Equal(MatchingStrategy.Frequency, request.MatchingStrategy);
        Assert.Equal(["title"], request.AttributesToSearchOn!);
        Assert.Equal(0.5, request.RankingScoreThreshold);
        Assert.True(request.ExhaustiveFacetCount);
    }

    [Fact]
    public void Defaults_apply_to_absent_and_null_fields()
    {
        var request = Read("""{"facetName":"genres","facetQuery":null,"q":null,"filter":null,"attributesToSearchOn":null,"rankingScoreThreshold":null,"exhaustiveFacetCount":null}""");
        Assert.Equal(new FacetSearchRequest { FacetName = "genres" }, request);
        Assert.Equal(MatchingStrategy.Last, Read("""{"facetName":"genres"}""").MatchingStrategy);
        Assert.Null(Read("""{"facetName":"genres","filter":[]}""").Filter);
    }

    [Theory]
    [InlineData("""{"facetQuery":"a"}""", "missing_facet_search_facet_name", "Missing field `facetName`")]
    [InlineData("""{"facetName":1}""", "invalid_facet_search_facet_name", "Invalid value type at `.facetName`: expected a string, but found a positive integer: `1`")]
    [InlineData("""{"facetName":null}""", "invalid_facet_search_facet_name", "Invalid value type at `.facetName`: expected a string, but found null: `null`")]
    [InlineData("""{"facetName":"g","facetQuery":["a"]}""", "invalid_facet_search_query", "Invalid value type at `.facetQuery`: expected a string, but found an array: `[\"a\"]`")]
    [InlineData("""{"facetName":"g","q":-3}""", "invalid_search_q", "Invalid value type at `.q`: expected a string, but found a negative integer: `-3`")]
    [InlineData("""{"facetName":"g","matchingStrategy":"none"}""", "invalid_search_matching_strategy", "Unknown value `none` at `.matchingStrategy`: expected one of `last`, `all`, `frequency`")]
    [InlineData("""{"facetName":"g","matchingStrategy":1}""", "invalid_search_matching_strategy", "Invalid value type at `.matchingStrategy`: expected a string, but found a positive integer: `1`")]
    [InlineData("""{"facetName":"g","attributesToSearchOn":"title"}""", "invalid_search_attributes_to_search_on", "Invalid value type at `.attributesToSearchOn`: expected an array, but found a string: `\"title\"`")]
    [InlineData("""{"facetName":"g","attributesToSearchOn":["title",2]}""", "invalid_search_attributes_to_search_on", "Invalid value type at `.attributesToSearchOn[1]`: expected a string, but found a positive integer: `2`")]
    [InlineData("""{"facetName":"g","rankingScoreThreshold":1.5}""", "invalid_search_ranking_score_threshold", "Invalid value at `.rankingScoreThreshold`: the value of `rankingScoreThreshold` is invalid, expected a float between `0.0` and `1.0`.")]
    [InlineData("""{"facetName":"g","rankingScoreThreshold":"high"}""", "invalid_search_ranking_score_threshold", "Invalid value type at `.rankingScoreThreshold`: expected a number, but found a string: `\"high\"`")]
    [InlineData("""{"facetName":"g","exhaustiveFacetCount":"yes"}""", "invalid_facet_search_exhaustive_facet_count", "Invalid value type at `.exhaustiveFacetCount`: expected a boolean, but found a string: `\"yes\"`")]
    [InlineData("""{"facetName":"g","useNetwork":1}""", "invalid_search_use_network", "Invalid value type at `.useNetwork`: expected a boolean, but found a positive integer: `1`")]
    [InlineData("""{"facetName":"g","locales":"fra"}""", "invalid_search_locales", "Invalid value type at `.locales`: expected an array, but found a string: `\"fra\"`")]
    public void Invalid_fields_fail_with_meilisearch_codes_and_messages(string json, string code, string message)
    {
        Assert.Equal(message, Fails(json, code).Message);
    }

    [Theory]
    [InlineData("""{"facetName":"g","filter":3}""")]
    [InlineData("""{"facetName":"g","filter":"genres ="}""")]
    [InlineData("""{"facetName":"g","filter":["year > 1",[2]]}""")]
    public void Filter_errors_carry_invalid_search_filter(string json)
    {
        Assert.False(string.IsNullOrEmpty(Fails(json, "invalid_search_filter").Message));
    }

    [Theory]
    [InlineData("vector", """[0.1]""", "invalid_search_vector")]
    [InlineData("media", """{"image":"x"}""", "invalid_search_media")]
    [InlineData("hybrid", """{"embedder":"default"}""", "invalid_search_hybrid_query")]
    public void Vector_and_hybrid_search_are_refused(string field, string value, string code)
    {
        Fails($$"""{"facetName":"g","{{field}}":{{value}}}""", code);
    }

    [Fact]
    public void The_first_bad_field_in_body_order_is_reported_and_a_missing_facet_name_last()
    {
        Fails("""{"q":1,"facetQuery":2,"facetName":"g"}""", "invalid_search_q");
        Fails("""{"facetQuery":2,"q":1}""", "invalid_facet_search_query");
        Fails("""{"facetName":3,"q":1}""", "invalid_facet_search_facet_name");
        Fails("""{"q":"ok","filter":"genres = x"}""", "missing_facet_search_facet_name");
    }

    [Fact]
    public void Unknown_fields_are_ignored_like_meilisearch_does_for_facet_search()
    {
        var request = Read("""{"facetName":"genres","limit":5,"attributesToHighlight":["*"],"facetname":"x"}""");
        Assert.Equal("genres", request.FacetName);
    }

    [Fact]
    public void Unknown_fields_can_be_refused_with_the_fields_in_meilisearch_order()
    {
        var error = Fails("""{"facetName":"genres","limit":5}""", "bad_request", rejectUnknownFields: true);
        Assert.Equal(
            "Unknown field `limit`: expected one of `facetQuery`, `facetName`, `q`, `vector`, `media`, `hybrid`, `filter`, `matchingStrategy`, `attributesToSearchOn`, `rankingScoreThreshold`, `locales`, `exhaustiveFacetCount`, `useNetwork`",
            error.Message);
        var hint = Fails("""{"facet_name":"genres"}""", "bad_request", rejectUnknownFields: true);
        Assert.StartsWith("Unknown field `facet_name`: did you mean `facetName`? expected one of `facetQuery`", hint.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_that_is_not_an_object_is_a_bad_request()
    {
        var error = Fails("""["genres"]""", "bad_request");
        Assert.Equal("Invalid value type: expected an object, but found an array: `[\"genres\"]`", error.Message);
    }
}
