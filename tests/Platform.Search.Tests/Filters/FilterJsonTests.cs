using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Search.Filters;

namespace Platform.Search.Tests.Filters;

public sealed class FilterJsonTests
{
    private static FilterExpression? Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return FilterJson.Parse(document.RootElement);
    }

    private static ComparisonFilter Eq(string attribute, string value) => new(attribute, ComparisonOperator.Equal, value);

    [Theory]
    [InlineData("null")]
    [InlineData("\"\"")]
    [InlineData("\"   \"")]
    [InlineData("[]")]
    [InlineData("[\"\", [], [\"\", \" \"]]")]
    public void Nothing_means_no_filter(string json) => Assert.Null(Read(json));

    [Fact]
    public void Absent_and_null_nodes_mean_no_filter()
    {
        Assert.Null(FilterJson.Parse(default(JsonElement)));
        Assert.Null(FilterJson.Parse((JsonNode?)null));
    }

    [Fact]
    public void Outer_array_is_and_inner_array_is_or()
    {
        Assert.Equal(Eq("a", "1"), Read("\"a = 1\""));
        Assert.Equal(Eq("a", "1"), Read("[\"a = 1\"]"));
        Assert.Equal(Eq("a", "1"), Read("[[\"a = 1\"]]"));
        Assert.Equal(
            new AndFilter([Eq("a", "1"), new OrFilter([Eq("b", "2"), Eq("c", "3")])]),
            Read("[\"a = 1\", [\"b = 2\", \"c = 3\"]]"));
        Assert.Equal(
            new AndFilter([new OrFilter([Eq("a", "1"), Eq("b", "2")]), Eq("c", "3")]),
            Read("[\"a = 1 OR b = 2\", \"c = 3\"]"));
        Assert.Equal(new AndFilter([Eq("a", "1"), Eq("b", "2"), Eq("c", "3")]), Read("[\"a = 1 AND b = 2\", \"c = 3\"]"));
        Assert.Equal(new OrFilter([Eq("a", "1"), Eq("b", "2"), Eq("c", "3")]), Read("[[\"a = 1 OR b = 2\", \"\", \"c = 3\"]]"));
        Assert.Equal(Eq("x", "1"), FilterJson.Parse(JsonNode.Parse("[\"\", \"x = 1\"]")));
    }

    [Theory]
    [InlineData("true", "String, Array", "true")]
    [InlineData("1", "String, Array", "1")]
    [InlineData("{\"a\": 1}", "String, Array", "{\"a\":1}")]
    [InlineData("[\"a = 1\", true]", "String, [String]", "true")]
    [InlineData("[null]", "String, [String]", "null")]
    [InlineData("[{\"filter\": \"é\"}]", "String, [String]", "{\"filter\":\"é\"}")]
    [InlineData("[[\"a = 1\", 2]]", "String", "2")]
    [InlineData("[[\"a = 1\", [\"b = 2\"]]]", "String", "[\"b = 2\"]")]
    [InlineData("[[null]]", "String", "null")]
    [InlineData("[\"a &\", false]", "String, [String]", "false")]
    public void Wrong_types(string json, string expected, string found) =>
        Assert.Equal(
            $"Invalid syntax for the filter parameter: `expected {expected}, found: {found}`.",
            Assert.Throws<FilterParseException>(() => Read(json)).Message);

    [Fact]
    public void Syntax_errors_point_into_their_own_string()
    {
        var error = Assert.Throws<FilterParseException>(() => Read("[\"a = 1\", \"title & Glass\"]"));
        Assert.EndsWith("at `title & Glass`.\n1:14 title & Glass", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Meilisearch_form_is_null_a_string_or_an_array_of_strings()
    {
        Assert.Null(FilterJson.ToMeilisearch(null));
        Assert.Equal("\"a = 1 OR b = 2\"", FilterJson.ToMeilisearch(FilterParser.Parse("a = 1 OR b = 2"))!.ToJsonString());
        var fused = FilterParser.Parse("a = 1 AND (b = 2 OR c = 'x y') AND NOT d = 4");
        Assert.Equal(
            """["a = 1","b = 2 OR c = \"x y\"","NOT d = 4"]""",
            FilterJson.ToMeilisearch(fused)!.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }
}
