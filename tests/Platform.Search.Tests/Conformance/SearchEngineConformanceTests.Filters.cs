using Platform.Search.Engine;
using Platform.Search.Filters;

namespace Platform.Search.Tests.Conformance;

/// <summary>Filters and sort, with Meilisearch's operators, ordering rules and error messages.</summary>
public abstract partial class SearchEngineConformanceTests
{
    // ---- filters -------------------------------------------------------------------------------------------

    public static TheoryData<string, FilterExpression, string> FilterCases() => new()
    {
        { "number equality", F.Eq("year", "2010"), "3,7" },
        { "greater than", F.Gt("year", "2008"), "3,4,7" },
        { "greater or equal and lower or equal", F.And(F.Gte("year", "2010"), F.Lte("year", "2010")), "3,7" },
        { "lower than", F.Lt("year", "2005"), "5,eight" },
        { "range", F.To("year", "2005", "2008"), "1,2,6" },
        { "case-insensitive string in array", F.Eq("genres", "science fiction"), "3,4" },
        { "not equal matches arrays without the value", F.Ne("genres", "Action"), "4,5,6" },
        { "nested field", F.Eq("director.name", "CHRISTOPHER NOLAN"), "1,2,3,4,6" },
        { "boolean", F.Eq("available", "true"), "1,3,4,5,6,eight" },
        { "is empty", F.IsEmpty("tags"), "1" },
        { "is null", F.IsNull("sequel"), "3" },
        { "exists", F.Exists("tags"), "1,5" },
        { "not exists", F.Not(F.Exists("tags")), "2,3,4,6,7,eight" },
        { "decimal comparison also compares strings", F.Gt("rating", "8.5"), "1,3,4,eight" },
        { "number range does not reach strings below it", F.Lt("rating", "8.3"), "2,7" },
        { "string value in a numeric attribute", F.Eq("rating", "Unrated"), "eight" },
        { "in", F.In("genres", "comedy", "ROMANCE"), "5,7" },
        { "or", F.Or(F.Eq("year", "2000"), F.Eq("title", "inception")), "3,eight" },
        { "and not", F.And(F.Eq("genres", "action"), F.Not(F.Lt("year", "2008"))), "1,3,7" },
        { "starts with", F.StartsWith("title", "the"), "1,6" },
        { "stored case does not matter", F.Eq("tags", "quirky"), "5" },
        { "not not", F.Not(F.Not(F.Eq("year", "2010"))), "3,7" },
        { "not in", F.Not(F.In("year", "2010", "2008")), "2,4,5,6,eight" },
        { "not equal matches missing attributes", F.Ne("tags", "paris"), "1,2,3,4,6,7,eight" },
        { "lexicographic string comparison", F.Gte("title", "the"), "1,6" },
        { "number as string value", F.Eq("year", "2010.0"), "3,7" },
    };

    [Theory]
    [MemberData(nameof(FilterCases))]
    public async Task Filter_operators_follow_meilisearch_semantics(string name, FilterExpression filter, string expected)
    {
        Assert.False(string.IsNullOrEmpty(name));
        Assert.Equal(expected.Split(',').Order(StringComparer.Ordinal), await Filtered(filter));
    }

    [Fact]
    public async Task Filter_combines_with_query()
    {
        Assert.Equal(["1"], Ids(await Search(new SearchRequest { Q = "batman", Filter = F.Eq("available", "true") })));
    }

    [Fact]
    public async Task Filter_on_non_filterable_attribute_is_refused_with_meilisearch_message()
    {
        var error = await Fails(() => Search(new SearchRequest { Filter = F.Eq("overview", "x") }), "invalid_search_filter");
        Assert.Equal("Index `movies`: Attribute `overview` is not filterable. Available filterable attribute patterns are: `available`, `director`, `genres`, `rating`, `sequel`, `tags`, `title`, `year`.\n1:9 overview = x", error.Message);
        Assert.Equal(400, error.HttpStatus);
    }

    [Fact]
    public async Task Filter_error_position_points_into_the_operand_holding_the_attribute()
    {
        var nested = await Fails(() => Search(new SearchRequest { Filter = F.And(F.Eq("year", "2010"), F.Or(F.Eq("genres", "drama"), F.Not(F.In("the plot", "a")))) }), "invalid_search_filter");
        Assert.EndsWith("\n20:28 genres = drama OR \"the plot\" NOT IN [a]", nested.Message, StringComparison.Ordinal);
        var first = await Fails(() => Search(new SearchRequest { Filter = F.Or(F.Eq("año", "1"), F.Exists("overview")) }), "invalid_search_filter");
        Assert.StartsWith("Index `movies`: Attribute `año` is not filterable.", first.Message, StringComparison.Ordinal);
        Assert.EndsWith("\n1:4 año = 1 OR overview EXISTS", first.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contains_needs_the_experimental_feature()
    {
        var error = await Fails(() => Search(new SearchRequest { Filter = F.And(F.Eq("overview", "x"), F.Not(F.Contains("title", "kni"))) }), "feature_not_enabled");
        // The feature check comes before the filterable check. v1.50 says "Using `CONTAINS` in a filter"; older versions "Using `CONTAINS` or `STARTS WITH`".
        Assert.Contains("Using `CONTAINS` in a filter requires enabling the `contains filter` experimental feature.", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("\n11:19 title NOT CONTAINS kni", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Geo_filter_needs_geo_to_be_filterable()
    {
        var error = await Fails(() => Search(new SearchRequest { Filter = new GeoFilter(GeoOperator.Radius, ["45.4", "9.1", "2000"]) }), "invalid_search_filter");
        // Since geojson support Meilisearch names both geo attributes, and points at the first coordinate.
        Assert.StartsWith("Index `movies`: Attribute `_geo/_geojson` is not filterable.", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("\n12:16 _geoRadius(45.4, 9.1, 2000)", error.Message, StringComparison.Ordinal);
        var reserved = await Fails(() => Search(new SearchRequest { Filter = F.Eq("_geo", "1") }), "invalid_search_filter");
        Assert.StartsWith("`_geo` is a reserved keyword and thus can't be used as a filter expression.", reserved.Message, StringComparison.Ordinal);
    }

    // ---- sort ----------------------------------------------------------------------------------------------

    [Fact]
    public async Task Sort_by_number_descending_keeps_insertion_order_for_ties()
    {
        Assert.Equal(["4", "3", "7", "1", "6", "2", "5", "eight"], Ids(await Search(new SearchRequest { Sort = ["year:desc"] })));
    }

    [Fact]
    public async Task Sort_puts_numbers_before_strings()
    {
        Assert.Equal(["7", "2", "5", "6", "4", "3", "1", "eight"], Ids(await Search(new SearchRequest { Sort = ["rating:asc"] })));
    }

    [Fact]
    public async Task Sort_by_string_is_case_insensitive()
    {
        Assert.Equal(["5", "2", "eight", "3", "4", "7", "1", "6"], Ids(await Search(new SearchRequest { Sort = ["title:asc"] })));
    }

    [Fact]
    public async Task Sort_errors_use_meilisearch_messages()
    {
        var notSortable = await Fails(() => Search(new SearchRequest { Sort = ["overview:asc"] }), "invalid_search_sort");
        Assert.Equal("Index `movies`: Attribute `overview` is not sortable. Available sortable attributes are: `rating, title, year`.", notSortable.Message);
        var syntax = await Fails(() => Search(new SearchRequest { Sort = ["title"] }), "invalid_search_sort");
        Assert.Equal("Invalid syntax for the sort parameter: expected expression ending by `:asc` or `:desc`, found `title`.", syntax.Message);
    }
}
