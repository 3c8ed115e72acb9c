using Platform.Search.Rules;

namespace Platform.Search.Tests.Rules;

public sealed class IndexPatternCoverageTests
{
    [Theory]
    [InlineData("*", "*", true)]
    [InlineData("*", "sales", true)]
    [InlineData("*", "sa*", true)]
    [InlineData("sales", "sales", true)]
    [InlineData("sales", "sales*", false)]
    [InlineData("sales", "salesx", false)]
    [InlineData("sa*", "sales", true)]
    [InlineData("sa*", "sales*", true)]
    [InlineData("sa*", "sa*", true)]
    [InlineData("sales*", "sa*", false)]
    [InlineData("sales*", "*", false)]
    [InlineData("sa*", "products", false)]
    public void A_pattern_covers_what_it_matches_entirely(string outer, string inner, bool covers) =>
        Assert.Equal(covers, IndexPatternCoverage.Covers(IndexPattern.Parse(outer), IndexPattern.Parse(inner)));

    [Fact]
    public void The_first_rule_pattern_outside_the_key_is_named()
    {
        Assert.Equal("*", IndexPatternCoverage.FirstUncovered([], SearchRules.Parse("""["*"]"""))!.Raw);
        Assert.Equal("products", IndexPatternCoverage.FirstUncovered(["sales", "sa*"], SearchRules.Parse("""{"sales":null,"products":null}"""))!.Raw);
        Assert.Null(IndexPatternCoverage.FirstUncovered(["sales", "products"], SearchRules.Parse("""["sales","products"]""")));
    }
}
