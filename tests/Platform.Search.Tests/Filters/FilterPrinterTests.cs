using Platform.Search.Filters;

namespace Platform.Search.Tests.Filters;

public sealed class FilterPrinterTests
{
    [Theory]
    [InlineData("a = 1", "a = 1")]
    [InlineData("a=1 AND (b=2 OR c=3)", "a = 1 AND (b = 2 OR c = 3)")]
    [InlineData("(a=1 AND b=2) OR c=3", "a = 1 AND b = 2 OR c = 3")]
    [InlineData("NOT (a = 1 AND b = 2)", "NOT (a = 1 AND b = 2)")]
    [InlineData("NOT a IN [x,]", "a NOT IN [x]")]
    [InlineData("NOT a EXISTS", "a NOT EXISTS")]
    [InlineData("NOT a IS NULL", "a IS NOT NULL")]
    [InlineData("NOT a IS EMPTY", "a IS NOT EMPTY")]
    [InlineData("NOT a CONTAINS b", "a NOT CONTAINS b")]
    [InlineData("NOT a STARTS WITH b", "a NOT STARTS WITH b")]
    [InlineData("NOT a 1 TO 2", "NOT a 1 TO 2")]
    [InlineData("title = 'NOT'", "title = \"NOT\"")]
    [InlineData("'place of birth' = 'it\\'s'", "\"place of birth\" = \"it's\"")]
    [InlineData(@"a = 'back\\slash \""q\""'", @"a = ""back\\slash \""q\""""")]
    [InlineData("a = '_geo'", "a = \"_geo\"")]
    [InlineData("a IN []", "a IN []")]
    [InlineData("_geoBoundingBox([1,2],[3,4])", "_geoBoundingBox([1, 2], [3, 4])")]
    [InlineData("_geoPolygon([1,2],[3,4],[5,6])", "_geoPolygon([1, 2], [3, 4], [5, 6])")]
    [InlineData("_geoRadius(1,2,3,4)", "_geoRadius(1, 2, 3, 4)")]
    public void Prints_canonically(string filter, string expected) =>
        Assert.Equal(expected, FilterPrinter.Print(FilterParser.Parse(filter)!));

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("doggos.age", "doggos.age")]
    [InlineData("日本語", "日本語")]
    [InlineData("", "\"\"")]
    [InlineData("two words", "\"two words\"")]
    [InlineData("AND", "\"AND\"")]
    [InlineData("and", "and")]
    [InlineData("a\nb", "\"a\\nb\"")]
    [InlineData("_geoPoint", "\"_geoPoint\"")]
    public void Quotes_only_what_needs_quoting(string value, string expected) =>
        Assert.Equal(expected, FilterPrinter.FormatValue(value));

    [Fact]
    public void Double_negation_prints_as_two_nots_and_reads_back_collapsed()
    {
        var ast = new NotFilter(new NotFilter(new ComparisonFilter("a", ComparisonOperator.Equal, "1")));
        Assert.Equal("NOT NOT a = 1", FilterPrinter.Print(ast));
        Assert.Equal(new ComparisonFilter("a", ComparisonOperator.Equal, "1"), FilterParser.Parse("NOT NOT a = 1"));
    }
}
