using System.Text.Json.Nodes;
using Platform.Search.Filters;

namespace Platform.Search.Tests.Filters;

public sealed class FilterCombinatorTests
{
    private static readonly ComparisonFilter Tenant = new("_tenant", ComparisonOperator.Equal, "t1");

    private static ComparisonFilter Eq(string attribute, string value) => new(attribute, ComparisonOperator.Equal, value);

    [Fact]
    public void And_skips_nulls_and_flattens()
    {
        Assert.Null(FilterCombinator.And());
        Assert.Null(FilterCombinator.And(null, null));
        Assert.Equal(Tenant, FilterCombinator.And(null, Tenant, null));
        Assert.Equal(
            new AndFilter([Tenant, Eq("a", "1"), Eq("b", "2"), Eq("c", "3")]),
            FilterCombinator.And(Tenant, new AndFilter([Eq("a", "1"), Eq("b", "2")]), null, Eq("c", "3")));
    }

    [Fact]
    public void Not_removes_double_negation()
    {
        Assert.Equal(new NotFilter(Tenant), FilterCombinator.Not(Tenant));
        Assert.Equal(Tenant, FilterCombinator.Not(FilterCombinator.Not(Tenant)));
    }

    [Fact]
    public void An_or_in_the_request_filter_stays_inside_the_and()
    {
        var request = FilterJson.Parse(JsonValue.Create("a = 1 OR b = 2"));
        var rule = FilterParser.Parse("color = blue");
        var fused = FilterCombinator.And(Tenant, rule, request);

        Assert.Equal(
            new AndFilter([Tenant, Eq("color", "blue"), new OrFilter([Eq("a", "1"), Eq("b", "2")])]),
            fused);
        Assert.Equal("_tenant = t1 AND color = blue AND (a = 1 OR b = 2)", FilterPrinter.Print(fused!));
        Assert.Equal(fused, FilterParser.Parse(FilterPrinter.Print(fused!)));
    }

    [Fact]
    public void A_parenthesis_injection_cannot_close_the_and()
    {
        // Pasted into "(_tenant = t1) AND (" + request + ")", this would read as (… AND x = 1) OR (y = 2).
        var error = Assert.Throws<FilterParseException>(() => FilterParser.Parse("x = 1) OR (y = 2"));
        Assert.StartsWith("Found unexpected characters at the end of the filter: `) OR (y = 2`.", error.Message, StringComparison.Ordinal);

        // Quoted, the same text is only a value, and the fused tree still requires the tenant.
        var request = FilterParser.Parse("x = 'x = 1) OR (y = 2'");
        var fused = Assert.IsType<AndFilter>(FilterCombinator.And(Tenant, request));
        Assert.Equal([Tenant, Eq("x", "x = 1) OR (y = 2")], fused.Operands);
        Assert.Equal(fused, FilterParser.Parse(FilterPrinter.Print(fused)));
    }

    [Fact]
    public void Attributes_are_listed_once_in_order_with_geo_as_underscore_geo()
    {
        var filter = FilterParser.Parse(
            "a = 1 AND (b IN [x] OR NOT c EXISTS) AND a 1 TO 2 AND d CONTAINS e AND _geoRadius(1, 2, 3) AND 'f g' IS NULL");
        Assert.Equal(["a", "b", "c", "d", "_geo", "f g"], FilterAttributes.Collect(filter));
        Assert.Empty(FilterAttributes.Collect(null));
    }

    [Theory]
    [InlineData("_tenant = t2", true)]
    [InlineData("a = 1 OR NOT _tenant.id = 3", true)]
    [InlineData("'_tenant' EXISTS", true)]
    [InlineData("_tenants = 1 AND x_tenant = 2", false)]
    [InlineData("a = _tenant", false)]
    public void References_finds_an_attribute_and_its_nested_fields(string filter, bool expected) =>
        Assert.Equal(expected, FilterAttributes.References(FilterParser.Parse(filter), "_tenant"));
}
