using System.Text.Json;
using Platform.Search.Filters;

namespace Platform.Search.Tests.Filters;

public sealed class FilterLimitTests
{
    private const string DepthMessage =
        "The filter exceeded the maximum depth limit. Try rewriting the filter so that it contains fewer nested conditions.";

    private const string CountMessage = "Too many filter conditions, can't process more than 2000 filters.";

    private static string Parens(int depth) => new string('(', depth) + "x = 1" + new string(')', depth);

    private static string Nots(int depth) => string.Concat(Enumerable.Repeat("NOT ", depth)) + "x = 1";

    [Fact]
    public void Depth_150_is_accepted()
    {
        Assert.Equal(new ComparisonFilter("x", ComparisonOperator.Equal, "1"), FilterParser.Parse(Parens(FilterParser.MaxDepth)));
        Assert.Equal(new ComparisonFilter("x", ComparisonOperator.Equal, "1"), FilterParser.Parse(Nots(FilterParser.MaxDepth)));
        Assert.NotNull(FilterParser.Parse("NOT (" + Parens(74) + " AND " + Nots(148) + ")"));
    }

    [Fact]
    public void Depth_151_is_refused_pointing_at_what_follows_the_deepest_opening()
    {
        var parens = Parens(151);
        Assert.Equal($"{DepthMessage}\n152:{parens.Length + 1} {parens}", Assert.Throws<FilterParseException>(() => FilterParser.Parse(parens)).Message);

        var nots = Nots(151);
        Assert.Equal($"{DepthMessage}\n605:610 {nots}", Assert.Throws<FilterParseException>(() => FilterParser.Parse(nots)).Message);

        var mixed = "NOT (" + Parens(74) + " AND " + Nots(149) + ")";
        Assert.StartsWith(DepthMessage, Assert.Throws<FilterParseException>(() => FilterParser.Parse(mixed)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_inside_a_long_flat_chain_is_still_bounded()
    {
        var wide = string.Join(" OR ", Enumerable.Repeat(Parens(150), 10));
        Assert.Equal(10, FilterLimits.CountConditions(FilterParser.Parse(wide)));
    }

    [Fact]
    public void At_most_2000_conditions()
    {
        var ok = string.Join(" OR ", Enumerable.Range(0, 2000).Select(i => $"a = {i}"));
        Assert.Equal(2000, FilterLimits.CountConditions(FilterParser.Parse(ok)));

        var tooMany = ok + " OR b IN [1]";
        Assert.Equal(CountMessage, Assert.Throws<FilterParseException>(() => FilterParser.Parse(tooMany)).Message);
    }

    [Fact]
    public void The_condition_limit_applies_to_the_whole_json_filter()
    {
        var half = string.Join(" AND ", Enumerable.Range(0, 1000).Select(i => $"a = {i}"));
        using var ok = JsonDocument.Parse(JsonSerializer.Serialize(new[] { half, half }));
        Assert.Equal(2000, FilterLimits.CountConditions(FilterJson.Parse(ok.RootElement)));

        using var tooMany = JsonDocument.Parse(JsonSerializer.Serialize(new object[] { half, new[] { half, "b = 1" } }));
        Assert.Equal(CountMessage, Assert.Throws<FilterParseException>(() => FilterJson.Parse(tooMany.RootElement)).Message);
    }
}
