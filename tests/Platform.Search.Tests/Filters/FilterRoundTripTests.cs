using System.Text.Json.Nodes;
using Platform.Search.Filters;

namespace Platform.Search.Tests.Filters;

public sealed class FilterRoundTripTests
{
    private const int Cases = 5000;

    [Fact]
    public void Parse_of_print_gives_the_same_tree() =>
        FilterGenerators.ForEach(FilterGenerators.Expression, Cases, ast =>
        {
            var printed = FilterPrinter.Print(ast);
            Assert.Equal(ast, FilterParser.Parse(printed));
        }, Describe);

    [Fact]
    public void Printing_is_stable() =>
        FilterGenerators.ForEach(FilterGenerators.Expression, Cases, ast =>
        {
            var printed = FilterPrinter.Print(ast);
            Assert.Equal(printed, FilterPrinter.Print(FilterParser.Parse(printed)!));
        }, Describe);

    [Fact]
    public void Meilisearch_array_form_reads_back_to_the_same_tree() =>
        FilterGenerators.ForEach(FilterGenerators.Expression, Cases, ast =>
        {
            var json = JsonNode.Parse(FilterJson.ToMeilisearch(ast)!.ToJsonString());
            Assert.Equal(ast, FilterJson.Parse(json));
        }, Describe);

    [Fact]
    public void Every_text_survives_as_a_value_and_as_an_attribute() =>
        FilterGenerators.ForEach(FilterGenerators.Text, Cases, text =>
        {
            var ast = new ComparisonFilter(text, ComparisonOperator.Equal, text);
            Assert.Equal(ast, FilterParser.Parse(FilterPrinter.Print(ast)));
        }, text => $"<{text}>");

    [Fact]
    public void Attributes_of_a_fused_filter_include_those_of_every_part() =>
        FilterGenerators.ForEach(FilterGenerators.Expression, 1000, ast =>
        {
            var tenant = new ComparisonFilter("_tenant", ComparisonOperator.Equal, "t1");
            var fused = FilterCombinator.And(tenant, ast)!;
            Assert.Equal(
                new[] { "_tenant" }.Concat(FilterAttributes.Collect(ast)).Distinct(),
                FilterAttributes.Collect(fused));
            Assert.Equal(tenant, Assert.IsType<AndFilter>(fused).Operands[0]);
        }, Describe);

    private static string Describe(FilterExpression ast)
    {
        try
        {
            return FilterPrinter.Print(ast);
        }
        catch (ArgumentException)
        {
            return ast.ToString();
        }
    }
}
