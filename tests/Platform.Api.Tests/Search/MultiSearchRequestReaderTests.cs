using System.Text.Json;
using Platform.Api.Errors;
using Platform.Api.Search;

namespace Platform.Api.Tests.Search;

public sealed class MultiSearchRequestReaderTests
{
    private static MultiSearchRequest Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return MultiSearchRequestReader.Read(document.RootElement.Clone());
    }

    private static void Fails(string json, string code, string message)
    {
        var error = Assert.Throws<ApiError>(() => Read(json));
        Assert.Equal(message, error.Message);
        Assert.Equal(code, error.Code);
    }

    [Fact]
    public void Queries_and_federation_are_read()
    {
        var request = Read("""
            {"queries": [{"indexUid": "books", "q": "dune", "federationOptions": {"weight": 0.5}}, {"indexUid": "films", "limit": 3}],
             "federation": {"limit": 7, "offset": 1, "facetsByIndex": {"films": ["genre"], "books": null}, "mergeFacets": {"maxValuesPerFacet": 4}}}
            """);
        Assert.Equal(["books", "films"], request.Queries.Select(q => q.IndexUid));
        Assert.Equal("dune", request.Queries[0].Query.Request.Q);
        Assert.Equal(0.5, request.Queries[0].Weight);
        Assert.Equal(1.0, request.Queries[1].Weight);
        Assert.Equal(3, request.Queries[1].Query.Request.Limit);
        var federation = request.Federation!;
        Assert.Equal((7, 1), (federation.Limit, federation.Offset));
        Assert.Equal(["films"], federation.FacetsByIndex.Keys);
        Assert.True(federation.MergeFacets);
        Assert.Equal(4, federation.MaxValuesPerFacet);
        Assert.False(federation.IsPageMode);
    }

    [Fact]
    public void A_null_federation_is_a_plain_multi_search()
    {
        Assert.Null(Read("""{"queries": [], "federation": null}""").Federation);
        Assert.True(Read("""{"federation": {"hitsPerPage": 5}, "queries": []}""").Federation!.IsPageMode);
    }

    [Theory]
    [InlineData("""{}""", "bad_request", "Missing field `queries`")]
    [InlineData("""[]""", "bad_request", "Invalid value type: expected an object, but found an array: `[]`")]
    [InlineData("""{"queries": {}}""", "bad_request", "Invalid value type at `.queries`: expected an array, but found an object: `{}`")]
    [InlineData("""{"queries": ["books"]}""", "bad_request", "Invalid value type at `.queries[0]`: expected an object, but found a string: `\"books\"`")]
    [InlineData("""{"queries": [], "doggo": 1}""", "bad_request", "Unknown field `doggo`: expected one of `queries`, `federation`")]
    [InlineData("""{"queries": [{"q": "glass"}]}""", "missing_index_uid", "Missing field `indexUid` inside `.queries[0]`")]
    [InlineData("""{"queries": [{"indexUid": 1}]}""", "invalid_index_uid", "Invalid value type at `.queries[0].indexUid`: expected a string, but found a positive integer: `1`")]
    [InlineData("""{"queries": [{"indexUid": "a b"}]}""", "invalid_index_uid", "Invalid value at `.queries[0].indexUid`: `a b` is not a valid index uid. Index uid can be an integer or a string containing only alphanumeric characters, hyphens (-) and underscores (_), and can not be more than 400 bytes.")]
    [InlineData("""{"queries": [{"indexUid": "a"}, {"indexUid": "b", "limit": "x"}]}""", "invalid_search_limit", "Invalid value type at `.queries[1].limit`: expected a positive integer, but found a string: `\"x\"`")]
    [InlineData("""{"queries": [{"indexUid": "a", "facets": [1]}]}""", "invalid_search_facets", "Invalid value type at `.queries[0].facets[0]`: expected a string, but found a positive integer: `1`")]
    [InlineData("""{"queries": [{"indexUid": "a", "federationOptions": {"weight": -1}}]}""", "invalid_multi_search_weight", "Invalid value at `.queries[0].federationOptions.weight`: the value of `weight` is invalid, expected a positive float (>= 0.0).")]
    [InlineData("""{"queries": [{"indexUid": "a", "federationOptions": {"weight": "x"}}]}""", "invalid_multi_search_weight", "Invalid value type at `.queries[0].federationOptions.weight`: expected a number, but found a string: `\"x\"`")]
    [InlineData("""{"queries": [{"indexUid": "a", "federationOptions": {"doggo": 1}}]}""", "bad_request", "Unknown field `doggo` inside `.queries[0].federationOptions`: expected one of `weight`, `remote`, `queryPosition`")]
    [InlineData("""{"queries": [], "federation": {"limit": "x"}}""", "invalid_search_limit", "Invalid value type at `.federation.limit`: expected a positive integer, but found a string: `\"x\"`")]
    [InlineData("""{"queries": [], "federation": {"facetsByIndex": []}}""", "invalid_multi_search_facets_by_index", "Invalid value type at `.federation.facetsByIndex`: expected an object, but found an array: `[]`")]
    [InlineData("""{"queries": [], "federation": {"mergeFacets": {"max": 1}}}""", "invalid_multi_search_merge_facets", "Unknown field `max` inside `.federation.mergeFacets`: expected one of `maxValuesPerFacet`")]
    [InlineData("""{"queries": [], "federation": {"doggo": 1}}""", "bad_request", "Unknown field `doggo` inside `.federation`: expected one of `limit`, `offset`, `page`, `hitsPerPage`, `facetsByIndex`, `mergeFacets`, `distinct`, `showPerformanceDetails`, `personalize`")]
    [InlineData("""{"queries": [], "federation": {"distinct": "sku"}}""", "invalid_multi_search_distinct", "The federation parameter `distinct` is not supported by this platform.")]
    [InlineData("""{"queries": [{"indexUid": "a", "federationOptions": {"remote": "ms1"}}]}""", "invalid_multi_search_remote", "The federation option `remote` is not supported by this platform.")]
    public void Errors_name_the_path_inside_the_body(string json, string code, string message)
    {
        Fails(json, code, message);
    }

    [Fact]
    public void An_unknown_field_in_a_query_lists_the_query_fields()
    {
        var error = Assert.Throws<ApiError>(() => Read("""{"queries": [{"indexUid": "a", "doggo": 1}]}"""));
        Assert.Equal("bad_request", error.Code);
        Assert.StartsWith("Unknown field `doggo` inside `.queries[0]`: expected one of `indexUid`, `q`, `offset`, ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("`showPerformanceDetails`, `federationOptions`", error.Message, StringComparison.Ordinal);
    }
}
