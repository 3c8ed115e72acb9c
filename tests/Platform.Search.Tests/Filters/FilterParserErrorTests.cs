using Platform.Search.Filters;

namespace Platform.Search.Tests.Filters;

/// <summary>Every message of docs/filters.md#errors, with Meilisearch's second line: <c>start:end</c> (1-based columns of the
/// offending span) and the whole filter.</summary>
public sealed class FilterParserErrorTests
{
    private const string Operations =
        "Was expecting an operation `=`, `!=`, `>=`, `>`, `<=`, `<`, `IN`, `NOT IN`, `TO`, `EXISTS`, `NOT EXISTS`, `IS NULL`, `IS NOT NULL`, `IS EMPTY`, `IS NOT EMPTY`, `CONTAINS`, `NOT CONTAINS`, `STARTS WITH`, `NOT STARTS WITH`, `_geoRadius`, `_geoBoundingBox` or `_geoPolygon`";

    private const string GeoHint =
        "is a reserved keyword and thus can't be used as a filter expression. Use the `_geoRadius(latitude, longitude, distance)` or `_geoBoundingBox([latitude, longitude], [latitude, longitude])` built-in rules to filter on `_geo` coordinates.";

    private static string Error(string filter) =>
        Assert.Throws<FilterParseException>(() => FilterParser.Parse(filter)).Message;

    [Theory]
    [InlineData("title & Glass", " at `title & Glass`.\n1:14 title & Glass")]
    [InlineData("channel Ponce", " at `channel Ponce`.\n1:14 channel Ponce")]
    [InlineData("colour NOT EXIST", " at `colour NOT EXIST`.\n1:17 colour NOT EXIST")]
    [InlineData("subscribers 100 TO1000", " at `subscribers 100 TO1000`.\n1:23 subscribers 100 TO1000")]
    [InlineData("value NULL", " at `value NULL`.\n1:11 value NULL")]
    [InlineData("value IS", " at `value IS`.\n1:9 value IS")]
    [InlineData("value IS NOT EXISTS", " at `value IS NOT EXISTS`.\n1:20 value IS NOT EXISTS")]
    [InlineData("NOT DOGS", " at `DOGS`.\n5:9 NOT DOGS")]
    [InlineData("a = 1 AND 'q' != 2 OR (b", " at `b`.\n24:25 a = 1 AND 'q' != 2 OR (b")]
    [InlineData("channel = Ponce OR", " but instead got nothing.\n19:19 channel = Ponce OR")]
    public void Missing_or_unknown_operation(string filter, string rest) =>
        Assert.Equal(Operations + rest, Error(filter));

    [Theory]
    [InlineData("title = Glass XOR title = Glass", "`XOR title = Glass`", "15:32")]
    [InlineData("channel = Ponce = 12", "`= 12`", "17:21")]
    [InlineData("channel = mv OR followers >= 1000)", "`)`", "34:35")]
    [InlineData("a = 1 and b = 2", "`and b = 2`", "7:16")]
    [InlineData("channel = ponce ORdog != 'bernese mountain'", "`ORdog != \\'bernese mountain\\'`", "17:44")]
    [InlineData("colour IN ['blue'] green", "`green`", "20:25")]
    public void Trailing_characters(string filter, string offending, string columns) =>
        Assert.Equal(
            $"Found unexpected characters at the end of the filter: {offending}. You probably forgot an `OR` or an `AND` rule.\n{columns} {filter}",
            Error(filter));

    [Theory]
    [InlineData("channel =    ", "Was expecting a value but instead got nothing.\n14:14 channel =    ")]
    [InlineData("channel = 🐻", "Was expecting a value but instead got `🐻`.\n11:12 channel = 🐻")]
    [InlineData("channel = 🐻 AND followers < 100", "Was expecting a value but instead got `🐻`.\n11:12 channel = 🐻 AND followers < 100")]
    [InlineData("a STARTS WITH", "Was expecting a value but instead got nothing.\n14:14 a STARTS WITH")]
    public void Missing_value(string filter, string message) => Assert.Equal(message, Error(filter));

    [Theory]
    [InlineData("x = EXISTS", "EXISTS", "5:11")]
    [InlineData("AND = 8", "AND", "1:4")]
    [InlineData("OR", "OR", "1:3")]
    [InlineData("NOT OR EXISTS AND EXISTS NOT EXISTS", "OR", "5:7")]
    [InlineData("a = 1 AND TO < 3", "TO", "11:13")]
    public void Reserved_keyword_as_a_value(string filter, string keyword, string columns) =>
        Assert.Equal(
            $"Was expecting a value but instead got `{keyword}`, which is a reserved keyword. To use `{keyword}` as a field name or a value, surround it by quotes.\n{columns} {filter}",
            Error(filter));

    [Theory]
    [InlineData("channel = 'ponce", "\\'ponce", '\'', "11:17")]
    [InlineData("channel = \"ponce", "\\\"ponce", '"', "11:17")]
    [InlineData("colour IN ['blue, green", "\\'blue, green", '\'', "12:24")]
    [InlineData("channel = mv OR (followers >= 1000", "(followers >= 1000", ')', "17:35")]
    [InlineData("(a = 1 b = 2)", "(a = 1 b = 2)", ')', "1:14")]
    public void Missing_closing_delimiter(string filter, string expression, char delimiter, string columns) =>
        Assert.Equal(
            $"Expression `{expression}` is missing the following closing delimiter: `{delimiter}`.\n{columns} {filter}",
            Error(filter));

    [Fact]
    public void In_syntax()
    {
        Assert.Equal("Expected `[` after `IN` keyword.\n11:23 colour IN blue, green]", Error("colour IN blue, green]"));
        Assert.Equal(
            "Expected matching `]` after the list of field names given to `IN[`\n23:23 colour IN [blue, green",
            Error("colour IN [blue, green"));
        Assert.Equal(
            "Expected matching `]` after the list of field names given to `IN[`\n24:24 colour IN [blue, green,",
            Error("colour IN [blue, green,"));
        Assert.Equal(
            "Expected only comma-separated field names inside `IN[..]` but instead found `> 2]`.\n32:36 colour IN [blue, green, 'blue' > 2]",
            Error("colour IN [blue, green, 'blue' > 2]"));
        Assert.Equal(
            "Expected only comma-separated field names inside `IN[..]` but instead found `AND]`.\n25:29 colour IN [blue, green, AND]",
            Error("colour IN [blue, green, AND]"));
    }

    [Theory]
    [InlineData("_geo(12, 13, 14)", "_geo", "1:17")]
    [InlineData("_geo = 1", "_geo", "1:9")]
    [InlineData("position <= _geo(12, 13, 14)", "_geo", "13:29")]
    [InlineData("_geoPoint(12, 13, 14)", "_geoPoint", "1:22")]
    [InlineData("position <= _geoPoint(12, 13, 14)", "_geoPoint", "13:34")]
    [InlineData("_geoDistance(12, 13, 14)", "_geoDistance", "1:25")]
    [InlineData("position <= _geoDistance(12, 13, 14)", "_geoDistance", "13:37")]
    [InlineData("a IN [_geo]", "_geo", "7:12")]
    public void Reserved_geo_fields(string filter, string word, string columns) =>
        Assert.Equal($"`{word}` {GeoHint}\n{columns} {filter}", Error(filter));

    [Theory]
    [InlineData("_geoRadius", "_geoRadius", "1:11")]
    [InlineData("_geoRadius = 12", "_geoRadius", "1:16")]
    [InlineData("_geoRadius(1, 2)", "_geoRadius", "1:17")]
    [InlineData("_geoRadius (1, 2, 3)", "_geoRadius", "1:21")]
    [InlineData("_geoRadius(1, 2, 3, 4, 5)", "_geoRadius", "1:26")]
    [InlineData("_geoRadius(1, 2, x)", "_geoRadius", "1:20")]
    [InlineData("_geoBoundingBox", "_geoBoundingBox", "1:16")]
    [InlineData("_geoBoundingBox = 12", "_geoBoundingBox", "1:21")]
    [InlineData("_geoBoundingBox(1.0, 1.0)", "_geoBoundingBox", "1:26")]
    [InlineData("_geoBoundingBox([1, 2], [3])", "_geoBoundingBox", "1:29")]
    [InlineData("_geoPolygon([1, 2], [3, 4])", "_geoPolygon", "1:28")]
    [InlineData("_geoPolygon([1, 2], [3, 4], [5])", "_geoPolygon", "1:33")]
    public void Geo_arguments(string filter, string operation, string columns)
    {
        var diagnostic = operation switch
        {
            "_geoRadius" => "The `_geoRadius` filter expects three or four arguments: `_geoRadius(latitude, longitude, radius)` or `_geoRadius(latitude, longitude, radius, resolution)`.",
            "_geoBoundingBox" => "The `_geoBoundingBox` filter expects two pairs of arguments: `_geoBoundingBox([latitude, longitude], [latitude, longitude])`.",
            _ => "The `_geoPolygon` filter expects at least three pairs of arguments: `_geoPolygon([latitude, longitude], [latitude, longitude], [latitude, longitude], ...)`.",
        };
        Assert.Equal($"{diagnostic}\n{columns} {filter}", Error(filter));
    }

    [Theory]
    [InlineData("position <= _geoRadius(12, 13, 14)", "_geoRadius", "13:35")]
    [InlineData("position = _geoBoundingBox", "_geoBoundingBox", "12:27")]
    [InlineData("p IN [_geoPolygon]", "_geoPolygon", "7:19")]
    public void Geo_operation_used_as_a_value(string filter, string operation, string columns) =>
        Assert.Equal($"The `{operation}` filter is an operation and can't be used as a value.\n{columns} {filter}", Error(filter));

    [Fact]
    public void Bad_escapes()
    {
        Assert.Equal(@"Malformed value: `a\\q`." + "\n6:9 t = 'a\\q'", Error(@"t = 'a\q'"));
        Assert.Equal(@"Found an invalid escaped sequence number: `\\xZZ`." + "\n6:10 t = '\\xZZ'", Error(@"t = '\xZZ'"));
        Assert.Equal(@"Malformed value: `a\\`." + "\n6:8 t = 'a\\", Error(@"t = 'a\"));
    }

    [Fact]
    public void Columns_count_characters_not_utf16_units_and_restart_on_each_line()
    {
        Assert.Equal(Operations + " at `🐻`.\n14:15 '😀😀' = 1 AND 🐻", Error("'😀😀' = 1 AND 🐻"));
        var error = Assert.Throws<FilterParseException>(() => FilterParser.Parse("a = 1 AND\nb = é ok"));
        Assert.Equal((7, 9), (error.StartColumn, error.EndColumn));
        Assert.Equal("Found unexpected characters at the end of the filter: `ok`. You probably forgot an `OR` or an `AND` rule.", error.Diagnostic);
    }

    [Fact]
    public void Control_characters_in_the_diagnostic_are_escaped_to_keep_it_on_one_line() =>
        Assert.Equal(
            "Found unexpected characters at the end of the filter: `x\\ny`. You probably forgot an `OR` or an `AND` rule.\n7:10 a = 1 x\ny",
            Error("a = 1 x\ny"));
}
