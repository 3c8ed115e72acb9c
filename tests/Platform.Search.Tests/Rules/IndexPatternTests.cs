using Platform.Search.Rules;

namespace Platform.Search.Tests.Rules;

public class IndexPatternTests
{
    [Theory]
    [InlineData("*", "sales", true)]
    [InlineData("*", "", true)]
    [InlineData("sales", "sales", true)]
    [InlineData("sales", "sales2", false)]
    [InlineData("sales", "Sales", false)]
    [InlineData("sa*", "sales", true)]
    [InlineData("sa*", "sa", true)]
    [InlineData("sa*", "s", false)]
    [InlineData("sa*", "Sales", false)]
    [InlineData("sa**", "sa*les", true)]
    [InlineData("sa**", "sales", false)]
    [InlineData("s*les", "sales", false)]
    [InlineData("s*les", "s*les", true)]
    [InlineData("medical_*", "medical_records", true)]
    public void Matches(string pattern, string index, bool expected)
    {
        Assert.Equal(expected, IndexPattern.Parse(pattern).Matches(index));
    }

    [Fact]
    public void Kinds()
    {
        Assert.True(IndexPattern.Parse("*").IsAll);
        Assert.Same(IndexPattern.All, IndexPattern.Parse("*"));
        Assert.True(IndexPattern.Parse("a*").IsPrefix);
        Assert.False(IndexPattern.Parse("a*").IsAll);
        Assert.False(IndexPattern.Parse("a").IsPrefix);
        Assert.Equal(IndexPattern.Parse("a*"), IndexPattern.Parse("a*"));
    }

    [Fact]
    public void AnyMatches_ServesApiKeyIndexes()
    {
        string[] keyIndexes = ["products", "sal*"];
        Assert.True(IndexPattern.AnyMatches(keyIndexes, "products"));
        Assert.True(IndexPattern.AnyMatches(keyIndexes, "sales"));
        Assert.False(IndexPattern.AnyMatches(keyIndexes, "doggo"));
        Assert.False(IndexPattern.AnyMatches(Array.Empty<string>(), "doggo"));
        Assert.True(IndexPattern.AnyMatches([IndexPattern.All], "doggo"));
    }

    [Theory]
    [InlineData(new[] { "doggo", "catto" }, "[\"catto\", \"doggo\"]")]
    [InlineData(new[] { "products" }, "[\"products\"]")]
    [InlineData(new[] { "sal*", "prod*" }, "[\"prod*\", \"sal*\"]")]
    [InlineData(new string[0], "[]")]
    [InlineData(new[] { "b", "B", "a" }, "[\"B\", \"a\", \"b\"]")]
    [InlineData(new[] { "q\"uo\\te", "tab\t" }, "[\"q\\\"uo\\\\te\", \"tab\\t\"]")]
    public void FormatList_RustDebugOfSortedVec(string[] patterns, string expected)
    {
        Assert.Equal(expected, IndexPattern.FormatList(patterns));
    }

    [Fact]
    public void FormatList_SortsByCodePointLikeRust()
    {
        // U+FF21 (fullwidth A) sorts before U+1F600 in UTF-8, although its UTF-16 unit is larger than a surrogate.
        Assert.Equal("[\"\uFF21\", \"\U0001F600\"]", IndexPattern.FormatList(["\U0001F600", "\uFF21"]));
    }
}
