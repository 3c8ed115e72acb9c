using System.Text.Json;
using Platform.Search.Rules;

namespace Platform.Search.Tests.Rules;

public class SearchRulesTests
{
    // docs/rules-and-filters.md#search-rules-in-tenant-tokens: rules, index, authorized, chosen filter (raw JSON or null).
    public static TheoryData<string, string, bool, string?> Shapes => new()
    {
        { """["*"]""", "sales", true, null },
        { """["sales", "products"]""", "sales", true, null },
        { """["sales", "products"]""", "products", true, null },
        { """["sales", "products"]""", "doggo", false, null },
        { """["sa*"]""", "sales", true, null },
        { """["sa*"]""", "products", false, null },
        { """["sal*", "prod*"]""", "products", true, null },
        { """{"*": {}}""", "anything", true, null },
        { """{"*": null}""", "anything", true, null },
        { """{"*": {"filter": null}}""", "anything", true, null },
        { """{"sales": {}}""", "sales", true, null },
        { """{"sales": null}""", "sales", true, null },
        { """{"sales": null}""", "products", false, null },
        { """{"sales": {"filter": "color = blue"}}""", "sales", true, "\"color = blue\"" },
        { """{"sales": {"filter": ["color = blue", ["a = 1", "b = 2"]]}}""", "sales", true, """["color = blue",["a = 1","b = 2"]]""" },
        { """{"*": {"filter": "user_id = 1"}, "medical_records": {"filter": "user_id = 1 AND published = true"}}""", "medical_records", true, "\"user_id = 1 AND published = true\"" },
        { """{"*": {"filter": "user_id = 1"}, "medical_records": {"filter": "user_id = 1 AND published = true"}}""", "other", true, "\"user_id = 1\"" },
        { """[]""", "sales", false, null },
        { """{}""", "sales", false, null },

        // precedence (docs/rules-and-filters.md#search-rules-in-tenant-tokens)
        { """{"*": {"filter": "color = green"}, "sales": {"filter": "color = blue"}}""", "sales", true, "\"color = blue\"" },
        { """{"*": {}, "sal*": {"filter": ["color = blue"]}}""", "sales", true, """["color = blue"]""" },
        { """{"*": {"filter": "tenant = 1"}, "sales": null}""", "sales", true, null },
        { """{"*": {"filter": "tenant = 1"}, "sales": {}}""", "sales", true, null },
        { """{"*": {"filter": "tenant = 1"}, "sal*": {"filter": null}}""", "sales", true, null },
        { """{"s*": {"filter": "a = 1"}, "sal*": {"filter": "b = 1"}}""", "sales", true, "\"b = 1\"" },
        { """{"s*": {"filter": "a = 1"}, "sal*": {"filter": "b = 1"}}""", "songs", true, "\"a = 1\"" },
        { """{"sales": {"filter": "x = 1"}, "sales*": {"filter": "longer = 1"}}""", "sales", true, "\"x = 1\"" },
        { """{"*": {"filter": "star = 1"}, "sa*": {"filter": "p = 1"}}""", "other", true, "\"star = 1\"" },

        // unknown fields ignored; any JSON filter value kept as is
        { """{"sales": {"filter": "a = 1", "sort": ["x:asc"]}}""", "sales", true, "\"a = 1\"" },
        { """{"sales": {"filtre": "a = 1"}}""", "sales", true, null },
        { """{"sales": {"filter": 42}}""", "sales", true, "42" },
        { """{"sales": {"filter": {"x": 1}}}""", "sales", true, """{"x":1}""" },

        // patterns are case-sensitive and never validated
        { """{"Sales": {"filter": "a = 1"}}""", "sales", false, null },
        { """["not an index uid!"]""", "sales", false, null },
        { """{"a": {"filter": "first"}, "a": {"filter": "last"}}""", "a", true, "\"last\"" },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void AcceptedShapes_AuthorizationAndChosenFilter(string json, string index, bool authorized, string? filter)
    {
        var rules = SearchRules.Parse(json);

        Assert.Equal(authorized, rules.Authorizes(index));
        Assert.Equal(authorized, rules.TryGetFilter(index, out var chosen));
        if (filter is null)
        {
            Assert.Null(chosen);
        }
        else
        {
            Assert.NotNull(chosen);
            Assert.Equal(filter, JsonSerializer.Serialize(chosen.Value));
        }
    }

    [Theory]
    [InlineData("null", 4)]
    [InlineData("\"kefir\"", 7)]
    [InlineData("42", 2)]
    [InlineData("true", 4)]
    [InlineData("[1]", 3)]
    [InlineData("[\"a\", null]", 11)]
    [InlineData("[[\"a\"]]", 7)]
    [InlineData("{\"a\": \"x\"}", 10)]
    [InlineData("{\"a\": 5}", 8)]
    [InlineData("{\"a\": [\"a = 1\"]}", 16)]
    [InlineData("{\"a\": true}", 11)]
    [InlineData("{\"a\": {\"filter\": 1, \"filter\": 2}}", 33)]
    public void RejectedShapes_UntaggedEnumError(string json, int column)
    {
        Assert.False(SearchRules.TryParse(System.Text.Encoding.UTF8.GetBytes(json), out var rules, out var error));
        Assert.Null(rules);
        Assert.Equal($"data did not match any variant of untagged enum SearchRules at line 1 column {column}", error);
        Assert.Throws<SearchRulesFormatException>(() => SearchRules.Parse(json));
    }

    [Theory]
    [InlineData("[\"a\",]")]
    [InlineData("{\"a\": }")]
    [InlineData("")]
    [InlineData("[\"a\"] x")]
    public void SyntaxErrors_AreReported(string json)
    {
        var error = Assert.Throws<SearchRulesFormatException>(() => SearchRules.Parse(json)).Message;
        Assert.Matches(" at line \\d+ column \\d+$", error);
        Assert.DoesNotContain("untagged", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Forms()
    {
        Assert.Equal(SearchRulesForm.Set, SearchRules.Parse("[\"a\"]").Form);
        Assert.Equal(SearchRulesForm.Map, SearchRules.Parse("{\"a\": null}").Form);
        Assert.Equal(["*"], SearchRules.All.Patterns.Select(p => p.Raw));
    }

    [Fact]
    public void CanonicalJson_SameRulesSameBytes()
    {
        Assert.Equal(
            SearchRules.Parse("""[ "b", "a", "b" ]""").ToCanonicalJson(),
            SearchRules.Parse("""["a","b"]""").ToCanonicalJson());
        Assert.Equal("""["a","b"]""", SearchRules.Parse("""[ "b", "a", "b" ]""").ToCanonicalJson());

        var a = SearchRules.Parse("""{"sales": {"filter": {"z": 1, "a": [1, 2.50]}, "extra": 1}, "*": {}}""");
        var b = SearchRules.Parse("""{ "*" : {"filter": null}, "sales": {"filter": {"a": [1,2.50], "z": 1}} }""");
        Assert.Equal("""{"*":null,"sales":{"filter":{"a":[1,2.50],"z":1}}}""", a.ToCanonicalJson());
        Assert.True(a.CanonicalJsonUtf8.SequenceEqual(b.CanonicalJsonUtf8));
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());

        Assert.Equal(SearchRules.Parse("""{"*": {}}"""), SearchRules.Parse("""{"*": null}"""));
        Assert.NotEqual(SearchRules.Parse("""["*"]"""), SearchRules.Parse("""{"*": null}"""));
        Assert.NotEqual(SearchRules.Parse("""{"a": {"filter": "x = 1"}}"""), SearchRules.Parse("""{"a": {"filter": "x = 2"}}"""));
    }

    [Fact]
    public void CanonicalJson_RoundTrips()
    {
        var rules = SearchRules.Parse("""{"sal*": {"filter": ["color = blue", ["a = 1", "b = \"é\""]]}, "*": {"filter": "t = 1"}}""");
        var again = SearchRules.Parse(rules.ToCanonicalJson());
        Assert.Equal(rules, again);
        Assert.Equal(rules.ToCanonicalJson(), again.ToCanonicalJson());
    }

    [Fact]
    public void TryParse_FromJsonElement()
    {
        using var body = JsonDocument.Parse("""{"rules": {"tenant_*": {"filter": "x = 1"}}, "other": 1}""");
        Assert.True(SearchRules.TryParse(body.RootElement.GetProperty("rules"), out var rules, out _));
        Assert.True(rules.Authorizes("tenant_42"));
        Assert.False(SearchRules.TryParse(body.RootElement.GetProperty("other"), out _, out var error));
        Assert.StartsWith(SearchRules.UntaggedEnumError, error, StringComparison.Ordinal);
    }

    [Fact]
    public void FormatPatternList_SortedRustDebug()
    {
        Assert.Equal("[\"catto\", \"doggo\"]", SearchRules.Parse("""["doggo", "catto"]""").FormatPatternList());
        Assert.Equal("[\"prod*\", \"sal*\"]", SearchRules.Parse("""{"sal*": null, "prod*": {}}""").FormatPatternList());
        Assert.Equal("[]", SearchRules.Parse("[]").FormatPatternList());
    }

    [Fact]
    public void Builders()
    {
        var rules = SearchRules.FromRules(
        [
            new("*", SearchRule.WithFilter("tenant = 1")),
            new("sales", null),
        ]);
        Assert.True(rules.TryGetFilter("sales", out var filter));
        Assert.Null(filter);
        Assert.True(rules.TryGetRule("products", out var pattern, out var rule));
        Assert.True(pattern.IsAll);
        Assert.Equal("tenant = 1", rule.Filter!.Value.GetString());
        Assert.Equal("""{"*":{"filter":"tenant = 1"},"sales":null}""", rules.ToCanonicalJson());
        Assert.Equal("""["a","b"]""", SearchRules.FromPatterns(["b", "a"]).ToCanonicalJson());
    }

    [Fact]
    public void Parsed_filters_follow_precedence_are_remembered_and_invalid_ones_throw()
    {
        var rules = SearchRules.Parse("""{"*":{"filter":"tenant = 1"},"sal*":{"filter":["color = blue"]},"sales":null,"bad":{"filter":"a ="}}""");

        Assert.True(rules.TryGetParsedFilter("salt", out var prefix));
        Assert.Equal("color = blue", Platform.Search.Filters.FilterPrinter.Print(prefix!));
        Assert.True(rules.TryGetParsedFilter("salt", out var again));
        Assert.Same(prefix, again);
        Assert.True(rules.TryGetParsedFilter("sales", out var none));
        Assert.Null(none);
        Assert.True(rules.TryGetParsedFilter("orders", out var star));
        Assert.Equal("tenant = 1", Platform.Search.Filters.FilterPrinter.Print(star!));
        Assert.Throws<Platform.Search.Filters.FilterParseException>(() => rules.TryGetParsedFilter("bad", out _));
        Assert.False(SearchRules.Parse("""["products"]""").TryGetParsedFilter("orders", out _));
    }
}
