using Platform.Search.Filters;

namespace Platform.Search.Tests.Filters;

public sealed class FilterParserTests
{
    private static FilterExpression P(string filter) => FilterParser.Parse(filter)!;

    private static ComparisonFilter Eq(string attribute, string value) => new(attribute, ComparisonOperator.Equal, value);

    [Theory]
    [InlineData("channel = Ponce", ComparisonOperator.Equal)]
    [InlineData("channel != Ponce", ComparisonOperator.NotEqual)]
    [InlineData("channel > Ponce", ComparisonOperator.GreaterThan)]
    [InlineData("channel >= Ponce", ComparisonOperator.GreaterThanOrEqual)]
    [InlineData("channel < Ponce", ComparisonOperator.LowerThan)]
    [InlineData("channel <= Ponce", ComparisonOperator.LowerThanOrEqual)]
    [InlineData("channel<=Ponce", ComparisonOperator.LowerThanOrEqual)]
    public void Comparison_operators(string filter, ComparisonOperator op) =>
        Assert.Equal(new ComparisonFilter("channel", op, "Ponce"), P(filter));

    [Theory]
    [InlineData("director = 'Jordan Peele'", "director", "Jordan Peele")]
    [InlineData("\"place of birth\" = Berlin", "place of birth", "Berlin")]
    [InlineData("title = \"NOT\"", "title", "NOT")]
    [InlineData("'Friend\\'s name' = x", "Friend's name", "x")]
    [InlineData(@"t = ""I'm \""super\"" tamo""", "t", "I'm \"super\" tamo")]
    [InlineData(@"t = 'foo\\'", "t", @"foo\")]
    [InlineData(@"t = 'foo\x20\n\t\""\'""'", "t", "foo \n\t\"'\"")]
    [InlineData(@"t = 'caf\u{e9} \u00e9'", "t", "café é")]
    [InlineData("doggos.age = 12", "doggos.age", "12")]
    [InlineData("été = 日本語", "été", "日本語")]
    [InlineData("t = ''", "t", "")]
    [InlineData("title = and", "title", "and")]
    public void Values_and_attributes(string filter, string attribute, string value) =>
        Assert.Equal(Eq(attribute, value), P(filter));

    [Fact]
    public void In_lists_allow_empty_and_trailing_comma()
    {
        Assert.Equal(new InFilter("colour", []), P("colour IN[]"));
        Assert.Equal(new InFilter("colour", ["green"]), P("colour IN[green,]"));
        Assert.Equal(new InFilter("colour", ["green", "blue"]), P(" colour IN [  green , blue , ]"));
        Assert.Equal(new InFilter("colour", ["a b", "AND"]), P("colour IN ['a b', \"AND\"]"));
    }

    [Fact]
    public void Negated_operators_parse_to_not_around_the_positive_condition()
    {
        Assert.Equal(new NotFilter(new InFilter("colour", ["green", "blue"])), P("colour NOT IN [green,blue]"));
        Assert.Equal(new NotFilter(new PresenceFilter("s", PresenceOperator.Exists)), P("s NOT   EXISTS"));
        Assert.Equal(new NotFilter(new PresenceFilter("s", PresenceOperator.IsNull)), P("s  IS   NOT   NULL"));
        Assert.Equal(new NotFilter(new PresenceFilter("s", PresenceOperator.IsEmpty)), P("s IS NOT EMPTY"));
        Assert.Equal(new NotFilter(new TextMatchFilter("s", TextMatchOperator.Contains, "hello")), P("s NOT CONTAINS hello"));
        Assert.Equal(new NotFilter(new TextMatchFilter("s", TextMatchOperator.StartsWith, "hel")), P("s NOT STARTS WITH 'hel'"));
    }

    [Fact]
    public void Presence_text_and_range_operators()
    {
        Assert.Equal(new PresenceFilter("s", PresenceOperator.Exists), P("s EXISTS"));
        Assert.Equal(new PresenceFilter("s", PresenceOperator.IsNull), P("s IS NULL"));
        Assert.Equal(new PresenceFilter("s", PresenceOperator.IsEmpty), P("s IS EMPTY"));
        Assert.Equal(new TextMatchFilter("s", TextMatchOperator.Contains, "hello"), P("s CONTAINS 'hello'"));
        Assert.Equal(new TextMatchFilter("s", TextMatchOperator.StartsWith, "hel"), P("s STARTS WITH hel"));
        Assert.Equal(new RangeFilter("subscribers", "100", "1000"), P("subscribers 100 TO 1000"));
    }

    [Fact]
    public void Double_negation_collapses()
    {
        Assert.Equal(Eq("x", "5"), P("NOT NOT NOT NOT x = 5"));
        Assert.Equal(Eq("x", "5"), P("NOT NOT (NOT NOT x = 5)"));
        Assert.Equal(new PresenceFilter("s", PresenceOperator.IsNull), P("NOT s IS NOT NULL"));
        Assert.Equal(new NotFilter(Eq("x", "5")), P("NOT x = 5"));
    }

    [Fact]
    public void Precedence_is_or_then_and_then_not()
    {
        var expected = new OrFilter([
            new AndFilter([Eq("a", "1"), new NotFilter(Eq("b", "2"))]),
            Eq("c", "3"),
        ]);
        Assert.Equal(expected, P("a = 1 AND NOT b = 2 OR c = 3"));
        Assert.Equal(
            new AndFilter([Eq("a", "1"), new OrFilter([Eq("b", "2"), Eq("c", "3")])]),
            P("a = 1 AND (b = 2 OR c = 3)"));
        Assert.Equal(new NotFilter(new OrFilter([Eq("a", "1"), Eq("b", "2")])), P("NOT (a = 1 OR b = 2)"));
    }

    [Fact]
    public void Same_operator_chains_and_groups_flatten()
    {
        var flat = new AndFilter([Eq("a", "1"), Eq("b", "2"), Eq("c", "3")]);
        Assert.Equal(flat, P("a = 1 AND b = 2 AND c = 3"));
        Assert.Equal(flat, P("(a = 1 AND b = 2) AND c = 3"));
        Assert.Equal(flat, P("a = 1 AND (b = 2 AND (c = 3))"));
        Assert.Equal(new OrFilter([Eq("a", "1"), Eq("b", "2"), Eq("c", "3")]), P("a = 1 OR (b = 2 OR c = 3)"));
        Assert.Equal(Eq("a", "1"), P(" ((a = 1)) "));
    }

    [Fact]
    public void Geo_conditions_keep_their_arguments_as_written()
    {
        Assert.Equal(new GeoFilter(GeoOperator.Radius, ["12", "13", "14"]), P("_geoRadius(12,13,14)"));
        Assert.Equal(new GeoFilter(GeoOperator.Radius, ["-12.5", "+1e3", ".5", "100"]), P("_geoRadius( -12.5 , +1e3, .5, 100 )"));
        Assert.Equal(new GeoFilter(GeoOperator.BoundingBox, ["12", "13", "14", "15"]), P("_geoBoundingBox([12, 13], [14, 15])"));
        Assert.Equal(
            new GeoFilter(GeoOperator.Polygon, ["1", "2", "3", "4", "5", "6"]),
            P("_geoPolygon([1, 2], [3, 4], [5,6])"));
        Assert.Equal(new NotFilter(new GeoFilter(GeoOperator.Radius, ["1", "2", "3"])), P("NOT _geoRadius(1, 2, 3)"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\t")]
    public void Blank_filters_mean_no_filter(string filter) => Assert.Null(FilterParser.Parse(filter));

    [Fact]
    public void TryParse_reports_errors_without_throwing()
    {
        Assert.True(FilterParser.TryParse("a = 1", out var expression, out _));
        Assert.Equal(Eq("a", "1"), expression);
        Assert.False(FilterParser.TryParse("a =", out _, out var error));
        Assert.Equal("invalid_search_filter", FilterParseException.ErrorCode);
        Assert.Equal("Was expecting a value but instead got nothing.", error.Diagnostic);
        Assert.Equal((4, 4), (error.StartColumn, error.EndColumn));
    }
}
