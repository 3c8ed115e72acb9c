using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Search.Engine;
using Platform.Search.Filters;
using static Platform.Search.Tests.Conformance.SearchEngineFixture;

namespace Platform.Search.Tests.Conformance;

/// <summary>
/// What every <see cref="ISearchEngine"/> must do the Meilisearch way: search parameters, both pagination modes,
/// filters, facets, sort, typo and prefix matching, phrases, negation, formatting and exact error codes.
/// Subclass it with a fixture that creates the engine under test. This file holds query words and ranking; the
/// other topics are the partial files beside it (filters, results, facets, documents).
/// </summary>
public abstract partial class SearchEngineConformanceTests(SearchEngineFixture fixture)
{
    protected SearchEngineFixture Fixture { get; } = fixture;

    protected ISearchEngine Engine => Fixture.Engine;

    protected Task<SearchResponse> Search(SearchRequest request, string index = Movies, TenantScope? scope = null) =>
        Engine.SearchAsync(scope ?? Acme, index, request);

    protected static List<string> Ids(SearchResponse response) => response.Hits.Select(IdOf).ToList();

    protected static string IdOf(JsonObject hit) =>
        hit["id"] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : hit["id"]!.ToJsonString();

    /// <summary>Compares JSON ignoring the order of object keys, which follows Meilisearch's internal field ids.</summary>
    protected static void AssertJson(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"Expected {expected} but got {actual?.ToJsonString()}");

    protected static async Task<SearchEngineException> Fails(Func<Task> action, string code)
    {
        var error = await Assert.ThrowsAsync<SearchEngineException>(action);
        Assert.Equal(code, error.Code);
        return error;
    }

    private Task<SearchResponse> Q(string q, MatchingStrategy strategy = MatchingStrategy.Last) =>
        Search(new SearchRequest { Q = q, MatchingStrategy = strategy });

    private async Task<List<string>> Filtered(FilterExpression filter) =>
        Ids(await Search(new SearchRequest { Filter = filter, Limit = 100 })).Order(StringComparer.Ordinal).ToList();

    // ---- query words -----------------------------------------------------------------------------------------

    [Fact]
    public async Task Placeholder_search_returns_every_document_in_insertion_order()
    {
        var response = await Search(new SearchRequest());
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "eight"], Ids(response));
        Assert.Equal(8, response.EstimatedTotalHits);
        Assert.Equal("", response.Query);
    }

    [Fact]
    public async Task Title_match_ranks_before_overview_match()
    {
        Assert.Equal(["2", "1"], Ids(await Q("batman")));
    }

    [Fact]
    public async Task All_words_must_match_and_attribute_order_breaks_ties()
    {
        Assert.Equal(["2", "1"], Ids(await Q("batman gotham")));
    }

    [Fact]
    public async Task Last_strategy_drops_trailing_words_but_all_strategy_does_not()
    {
        Assert.Equal(["2", "1"], Ids(await Q("batman xyzzyq")));
        Assert.Empty((await Q("batman xyzzyq", MatchingStrategy.All)).Hits);
    }

    [Fact]
    public async Task Last_strategy_ranks_documents_matching_more_words_first()
    {
        var response = await Q("the batman");
        Assert.Equal(4, response.EstimatedTotalHits);
        Assert.Equal("1", Ids(response)[0]);
    }

    [Fact]
    public async Task Frequency_strategy_drops_the_most_frequent_word_first()
    {
        var response = await Q("the batman", MatchingStrategy.Frequency);
        Assert.Equal(["1", "2"], Ids(response));
    }

    [Fact]
    public async Task Last_word_matches_as_prefix()
    {
        Assert.Equal(["4"], Ids(await Q("inter")));
        // Both hits are prefix matches in the title; Meilisearch orders them by word position, which the embedded engine does not rank by.
        Assert.Equal(["1", "7"], Ids(await Q("knig")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Trailing_space_disables_prefix_matching()
    {
        Assert.Empty((await Q("inter ")).Hits);
    }

    [Theory]
    [InlineData("interstelar", "4")]
    [InlineData("interstalar", "4")]
    [InlineData("gladiatr", "eight")]
    [InlineData("knigth", "1,7")]
    public async Task Typos_are_tolerated_by_word_length(string q, string expected)
    {
        Assert.Equal(expected.Split(','), Ids(await Q(q + " ")).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("dak ")]
    [InlineData("btmn ")]
    [InlineData("inxxrstxllar ")]
    public async Task Too_many_typos_for_the_word_length_match_nothing(string q)
    {
        Assert.DoesNotContain((await Q(q)).Hits, h => IdOf(h) is "1" or "2" or "4");
    }

    [Fact]
    public async Task Exact_match_ranks_before_typo_match()
    {
        var response = await Search(new SearchRequest { Q = "batmen" });
        Assert.Equal(["2", "1"], Ids(response));
        var exact = await Q("batman");
        Assert.Equal(Ids(exact), Ids(response));
    }

    [Fact]
    public async Task Accents_are_folded()
    {
        Assert.Equal(["5"], Ids(await Q("amelie")));
        Assert.Equal(["5"], Ids(await Q("AMÉLIE")));
    }

    [Fact]
    public async Task Phrase_requires_consecutive_words()
    {
        Assert.Equal(["1"], Ids(await Q("\"dark knight\"")));
        Assert.Empty((await Q("\"knight dark\"")).Hits);
        Assert.Equal(["7"], Ids(await Q("\"knight and day\"")));
    }

    [Fact]
    public async Task Negated_words_and_phrases_exclude_documents()
    {
        Assert.Equal(["7"], Ids(await Q("knight -dark")));
        Assert.Equal(["1"], Ids(await Q("batman -\"batman begins\"")));
        Assert.Equal(7, (await Q("-gladiator")).EstimatedTotalHits);
    }

    [Fact]
    public async Task Sort_applies_after_relevance_rules()
    {
        // A title match outranks an overview match before sort is looked at, in either direction.
        Assert.Equal(["2", "1"], Ids(await Search(new SearchRequest { Q = "batman", Sort = ["year:asc"] })));
        Assert.Equal(["2", "1"], Ids(await Search(new SearchRequest { Q = "batman", Sort = ["year:desc"] })));

        // Both titles match equally; since v1.36 the default rules put sort before wordPosition, so the word's place in the title does not decide.
        Assert.Equal(["1", "7"], Ids(await Search(new SearchRequest { Q = "knight", Sort = ["year:asc"] })));
        Assert.Equal(["7", "1"], Ids(await Search(new SearchRequest { Q = "knight", Sort = ["year:desc"] })));
    }

    [Fact]
    public async Task Attributes_to_search_on_restrict_matching()
    {
        Assert.Empty((await Search(new SearchRequest { Q = "gotham", AttributesToSearchOn = ["title"] })).Hits);
        Assert.Equal(["1", "2"], Ids(await Search(new SearchRequest { Q = "gotham", AttributesToSearchOn = ["overview"] })));
    }

    [Fact]
    public async Task Only_the_first_ten_query_words_count()
    {
        var response = await Q("batman a b c d e f g h i xyzzyq", MatchingStrategy.All);
        Assert.Empty(response.Hits);
        var tenWords = await Q("inception thief steals corporate secrets through dream sharing technology a zzzzzz", MatchingStrategy.All);
        Assert.Equal(["3"], Ids(tenWords));
    }
}
