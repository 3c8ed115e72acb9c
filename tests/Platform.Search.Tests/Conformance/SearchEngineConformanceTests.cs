using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Search.Engine;
using Platform.Search.Filters;
using static Platform.Search.Tests.Conformance.SearchEngineFixture;

namespace Platform.Search.Tests.Conformance;

/// <summary>
/// What every <see cref="ISearchEngine"/> must do the Meilisearch way: search parameters, both pagination modes,
/// filters, facets, sort, typo and prefix matching, phrases, negation, formatting and exact error codes.
/// Subclass it with a fixture that creates the engine under test.
/// </summary>
public abstract class SearchEngineConformanceTests(SearchEngineFixture fixture)
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

    // ---- filters -------------------------------------------------------------------------------------------

    public static TheoryData<string, FilterExpression, string> FilterCases() => new()
    {
        { "number equality", F.Eq("year", "2010"), "3,7" },
        { "greater than", F.Gt("year", "2008"), "3,4,7" },
        { "greater or equal and lower or equal", F.And(F.Gte("year", "2010"), F.Lte("year", "2010")), "3,7" },
        { "lower than", F.Lt("year", "2005"), "5,eight" },
        { "range", F.To("year", "2005", "2008"), "1,2,6" },
        { "case-insensitive string in array", F.Eq("genres", "science fiction"), "3,4" },
        { "not equal matches arrays without the value", F.Ne("genres", "Action"), "4,5,6" },
        { "nested field", F.Eq("director.name", "CHRISTOPHER NOLAN"), "1,2,3,4,6" },
        { "boolean", F.Eq("available", "true"), "1,3,4,5,6,eight" },
        { "is empty", F.IsEmpty("tags"), "1" },
        { "is null", F.IsNull("sequel"), "3" },
        { "exists", F.Exists("tags"), "1,5" },
        { "not exists", F.Not(F.Exists("tags")), "2,3,4,6,7,eight" },
        { "decimal comparison also compares strings", F.Gt("rating", "8.5"), "1,3,4,eight" },
        { "number range does not reach strings below it", F.Lt("rating", "8.3"), "2,7" },
        { "string value in a numeric attribute", F.Eq("rating", "Unrated"), "eight" },
        { "in", F.In("genres", "comedy", "ROMANCE"), "5,7" },
        { "or", F.Or(F.Eq("year", "2000"), F.Eq("title", "inception")), "3,eight" },
        { "and not", F.And(F.Eq("genres", "action"), F.Not(F.Lt("year", "2008"))), "1,3,7" },
        { "starts with", F.StartsWith("title", "the"), "1,6" },
        { "stored case does not matter", F.Eq("tags", "quirky"), "5" },
        { "not not", F.Not(F.Not(F.Eq("year", "2010"))), "3,7" },
        { "not in", F.Not(F.In("year", "2010", "2008")), "2,4,5,6,eight" },
        { "not equal matches missing attributes", F.Ne("tags", "paris"), "1,2,3,4,6,7,eight" },
        { "lexicographic string comparison", F.Gte("title", "the"), "1,6" },
        { "number as string value", F.Eq("year", "2010.0"), "3,7" },
    };

    [Theory]
    [MemberData(nameof(FilterCases))]
    public async Task Filter_operators_follow_meilisearch_semantics(string name, FilterExpression filter, string expected)
    {
        Assert.False(string.IsNullOrEmpty(name));
        Assert.Equal(expected.Split(',').Order(StringComparer.Ordinal), await Filtered(filter));
    }

    [Fact]
    public async Task Filter_combines_with_query()
    {
        Assert.Equal(["1"], Ids(await Search(new SearchRequest { Q = "batman", Filter = F.Eq("available", "true") })));
    }

    [Fact]
    public async Task Filter_on_non_filterable_attribute_is_refused_with_meilisearch_message()
    {
        var error = await Fails(() => Search(new SearchRequest { Filter = F.Eq("overview", "x") }), "invalid_search_filter");
        Assert.Equal("Index `movies`: Attribute `overview` is not filterable. Available filterable attribute patterns are: `available`, `director`, `genres`, `rating`, `sequel`, `tags`, `title`, `year`.\n1:9 overview = x", error.Message);
        Assert.Equal(400, error.HttpStatus);
    }

    [Fact]
    public async Task Filter_error_position_points_into_the_operand_holding_the_attribute()
    {
        var nested = await Fails(() => Search(new SearchRequest { Filter = F.And(F.Eq("year", "2010"), F.Or(F.Eq("genres", "drama"), F.Not(F.In("the plot", "a")))) }), "invalid_search_filter");
        Assert.EndsWith("\n20:28 genres = drama OR \"the plot\" NOT IN [a]", nested.Message, StringComparison.Ordinal);
        var first = await Fails(() => Search(new SearchRequest { Filter = F.Or(F.Eq("año", "1"), F.Exists("overview")) }), "invalid_search_filter");
        Assert.StartsWith("Index `movies`: Attribute `año` is not filterable.", first.Message, StringComparison.Ordinal);
        Assert.EndsWith("\n1:4 año = 1 OR overview EXISTS", first.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contains_needs_the_experimental_feature()
    {
        var error = await Fails(() => Search(new SearchRequest { Filter = F.And(F.Eq("overview", "x"), F.Not(F.Contains("title", "kni"))) }), "feature_not_enabled");
        // The feature check comes before the filterable check. v1.50 says "Using `CONTAINS` in a filter"; older versions "Using `CONTAINS` or `STARTS WITH`".
        Assert.Contains("Using `CONTAINS` in a filter requires enabling the `contains filter` experimental feature.", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("\n11:19 title NOT CONTAINS kni", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Geo_filter_needs_geo_to_be_filterable()
    {
        var error = await Fails(() => Search(new SearchRequest { Filter = new GeoFilter(GeoOperator.Radius, ["45.4", "9.1", "2000"]) }), "invalid_search_filter");
        // Since geojson support Meilisearch names both geo attributes, and points at the first coordinate.
        Assert.StartsWith("Index `movies`: Attribute `_geo/_geojson` is not filterable.", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("\n12:16 _geoRadius(45.4, 9.1, 2000)", error.Message, StringComparison.Ordinal);
        var reserved = await Fails(() => Search(new SearchRequest { Filter = F.Eq("_geo", "1") }), "invalid_search_filter");
        Assert.StartsWith("`_geo` is a reserved keyword and thus can't be used as a filter expression.", reserved.Message, StringComparison.Ordinal);
    }

    // ---- sort ----------------------------------------------------------------------------------------------

    [Fact]
    public async Task Sort_by_number_descending_keeps_insertion_order_for_ties()
    {
        Assert.Equal(["4", "3", "7", "1", "6", "2", "5", "eight"], Ids(await Search(new SearchRequest { Sort = ["year:desc"] })));
    }

    [Fact]
    public async Task Sort_puts_numbers_before_strings()
    {
        Assert.Equal(["7", "2", "5", "6", "4", "3", "1", "eight"], Ids(await Search(new SearchRequest { Sort = ["rating:asc"] })));
    }

    [Fact]
    public async Task Sort_by_string_is_case_insensitive()
    {
        Assert.Equal(["5", "2", "eight", "3", "4", "7", "1", "6"], Ids(await Search(new SearchRequest { Sort = ["title:asc"] })));
    }

    [Fact]
    public async Task Sort_errors_use_meilisearch_messages()
    {
        var notSortable = await Fails(() => Search(new SearchRequest { Sort = ["overview:asc"] }), "invalid_search_sort");
        Assert.Equal("Index `movies`: Attribute `overview` is not sortable. Available sortable attributes are: `rating, title, year`.", notSortable.Message);
        var syntax = await Fails(() => Search(new SearchRequest { Sort = ["title"] }), "invalid_search_sort");
        Assert.Equal("Invalid syntax for the sort parameter: expected expression ending by `:asc` or `:desc`, found `title`.", syntax.Message);
    }

    // ---- pagination ----------------------------------------------------------------------------------------

    [Fact]
    public async Task Offset_mode_echoes_limit_and_offset()
    {
        var response = await Search(new SearchRequest { Limit = 3, Offset = 2 });
        Assert.Equal(["3", "4", "5"], Ids(response));
        Assert.Equal((3, 2, 8), (response.Limit, response.Offset, response.EstimatedTotalHits));
        Assert.Null(response.TotalHits);
        Assert.Null(response.Page);
    }

    [Fact]
    public async Task Page_mode_returns_exhaustive_counts()
    {
        var response = await Search(new SearchRequest { Page = 2, HitsPerPage = 3 });
        Assert.Equal(["4", "5", "6"], Ids(response));
        Assert.Equal((2, 3, 8, 3), (response.Page, response.HitsPerPage, response.TotalHits, response.TotalPages));
        Assert.Null(response.Limit);
        Assert.Null(response.EstimatedTotalHits);
        Assert.Equal(["7", "eight"], Ids(await Search(new SearchRequest { Page = 3, HitsPerPage = 3 })));
    }

    [Fact]
    public async Task Page_zero_and_zero_hits_per_page_return_no_hits()
    {
        var pageZero = await Search(new SearchRequest { Page = 0, HitsPerPage = 3 });
        Assert.Empty(pageZero.Hits);
        Assert.Equal(3, pageZero.TotalPages);
        var countOnly = await Search(new SearchRequest { HitsPerPage = 0 });
        Assert.Empty(countOnly.Hits);
        Assert.Equal((1, 8, 0), (countOnly.Page, countOnly.TotalHits, countOnly.TotalPages));
    }

    [Fact]
    public async Task Hit_counts_and_reachable_hits_are_capped_by_max_total_hits()
    {
        var offset = await Search(new SearchRequest { Offset = 990, Limit = 20 }, Products);
        Assert.Equal(1000, offset.EstimatedTotalHits);
        Assert.Equal(10, offset.Hits.Count);
        var page = await Search(new SearchRequest { Page = 1, HitsPerPage = 20 }, Products);
        Assert.Equal((1000, 50), (page.TotalHits, page.TotalPages));
        Assert.Empty((await Search(new SearchRequest { Page = 51, HitsPerPage = 20 }, Products)).Hits);
    }

    [Fact]
    public async Task Negative_limit_is_refused()
    {
        await Fails(() => Search(new SearchRequest { Limit = -1 }), "invalid_search_limit");
        await Fails(() => Search(new SearchRequest { Offset = -1 }), "invalid_search_offset");
    }

    // ---- facets --------------------------------------------------------------------------------------------

    [Fact]
    public async Task Facet_distribution_counts_documents_per_value()
    {
        var response = await Search(new SearchRequest { Facets = ["genres", "tags", "year"], Limit = 0 });
        var genres = response.FacetDistribution!["genres"];
        Assert.Equal(new Dictionary<string, int>
        {
            ["Action"] = 5, ["Adventure"] = 2, ["Comedy"] = 2, ["Crime"] = 1, ["Drama"] = 3, ["Mystery"] = 1, ["Romance"] = 1, ["Science Fiction"] = 2,
        }, genres);
        Assert.Equal(new Dictionary<string, int> { ["paris"] = 1, ["Quirky"] = 1 }, response.FacetDistribution["tags"]);
        Assert.Equal(new FacetStats(2000, 2014), response.FacetStats!["year"]);
        Assert.False(response.FacetStats.ContainsKey("genres"));
    }

    [Fact]
    public async Task Facets_follow_query_and_filter()
    {
        var response = await Search(new SearchRequest { Q = "batman", Filter = F.Eq("available", "false"), Facets = ["rating"] });
        Assert.Equal(new Dictionary<string, int> { ["8.2"] = 1 }, response.FacetDistribution!["rating"]);
        Assert.Equal(new FacetStats(8.2, 8.2), response.FacetStats!["rating"]);
    }

    [Fact]
    public async Task Facets_on_the_catalogue_match_a_reference_count()
    {
        var response = await Search(new SearchRequest { Filter = F.Lt("price", "100"), Facets = ["category", "tags", "inStock", "variants.color"], Limit = 0 }, Products);
        var cheap = Fixture.AcmeProducts.Where(p => p.Num("price") < 100).ToList();
        Assert.Equal(Math.Min(cheap.Count, 1000), response.EstimatedTotalHits);
        foreach (var category in ProductCatalog.Categories)
        {
            Assert.Equal(cheap.Count(p => p.Str("category") == category), response.FacetDistribution!["category"].GetValueOrDefault(category));
        }

        foreach (var tag in ProductCatalog.Tags)
        {
            Assert.Equal(cheap.Count(p => p["tags"]!.AsArray().Any(t => t!.GetValue<string>() == tag)), response.FacetDistribution!["tags"].GetValueOrDefault(tag));
        }

        Assert.Equal(cheap.Count(p => p["inStock"]!.GetValue<bool>()), response.FacetDistribution!["inStock"]["true"]);
        Assert.Equal(cheap.Count(p => p["variants"]!.AsArray().Any(v => v!["color"]!.GetValue<string>() == "Teal")), response.FacetDistribution!["variants.color"]["Teal"]);
        Assert.Equal(new FacetStats(cheap.Min(p => p.Num("price")), cheap.Max(p => p.Num("price"))), (await Search(new SearchRequest { Filter = F.Lt("price", "100"), Facets = ["price"] }, Products)).FacetStats!["price"]);
    }

    [Fact]
    public async Task Catalogue_filters_match_a_reference_count()
    {
        async Task<int> Count(FilterExpression f) => (await Search(new SearchRequest { Filter = f, HitsPerPage = 0 }, Products)).TotalHits!.Value;
        var acme = Fixture.AcmeProducts;
        Assert.Equal(acme.Count(p => p.Str("category") == "Kitchen" && p["inStock"]!.GetValue<bool>()), await Count(F.And(F.Eq("category", "kitchen"), F.Eq("inStock", "true"))));
        Assert.Equal(Math.Min(1000, acme.Count(p => p["rating"] is null)), await Count(F.IsNull("rating")));
        Assert.Equal(acme.Count(p => p["tags"]!.AsArray().Count == 0), await Count(F.IsEmpty("tags")));
        Assert.Equal(acme.Count(p => p["discontinuedAt"] is not null), await Count(F.Not(F.IsNull("discontinuedAt"))));
        Assert.Equal(acme.Count(p => p["brand"]!["country"]!.GetValue<string>() == "Japan" && p.Num("price") is >= 50 and <= 150), await Count(F.And(F.Eq("brand.country", "japan"), F.To("price", "50", "150"))));
    }

    [Fact]
    public async Task Catalogue_sort_by_price_matches_a_reference_order()
    {
        var response = await Search(new SearchRequest { Filter = F.Eq("category", "Garden"), Sort = ["price:asc"], Limit = 50 }, Products);
        var expected = Fixture.AcmeProducts.Where(p => p.Str("category") == "Garden").Select(p => p.Num("price")).Order().Take(50);
        Assert.Equal(expected, response.Hits.Select(h => h.Num("price")));
    }

    [Fact]
    public async Task Facet_on_non_filterable_attribute_is_refused()
    {
        var error = await Fails(() => Search(new SearchRequest { Facets = ["overview"] }), "invalid_search_facets");
        Assert.Equal("Invalid facet distribution: Attribute `overview` is not filterable. Available filterable attributes patterns are: `available, director, genres, rating, sequel, tags, title, year`.", error.Message);
        var several = await Fails(() => Search(new SearchRequest { Facets = ["overview", "genres", "id"] }), "invalid_search_facets");
        Assert.StartsWith("Invalid facet distribution: Attributes `id, overview` are not filterable. Available filterable attributes patterns are: `available, ", several.Message, StringComparison.Ordinal);
    }

    // ---- hits shape ----------------------------------------------------------------------------------------

    [Fact]
    public async Task Attributes_to_retrieve_select_fields_and_nested_paths()
    {
        var response = await Search(new SearchRequest { Q = "inception", AttributesToRetrieve = ["title", "director.name"] });
        AssertJson("""{"title":"Inception","director":{"name":"Christopher Nolan"}}""", response.Hits.Single());
    }

    [Fact]
    public async Task Highlight_wraps_matched_words_and_stringifies_numbers()
    {
        var hit = (await Search(new SearchRequest { Q = "dark knight", AttributesToHighlight = ["title"] })).Hits[0];
        var formatted = hit["_formatted"]!.AsObject();
        Assert.Equal("The <em>Dark</em> <em>Knight</em>", formatted.Str("title"));
        Assert.Equal("2008", formatted.Str("year"));
        Assert.Equal(hit.Str("overview"), formatted.Str("overview"));
    }

    [Fact]
    public async Task Highlight_uses_custom_tags_and_marks_prefix_and_typo_matches()
    {
        var prefix = (await Search(new SearchRequest { Q = "inter", AttributesToHighlight = ["*"], HighlightPreTag = "[", HighlightPostTag = "]" })).Hits.Single();
        Assert.Equal("[Inter]stellar", prefix["_formatted"]!.AsObject().Str("title"));
        var typo = (await Search(new SearchRequest { Q = "amelei", AttributesToHighlight = ["title"] })).Hits.Single();
        Assert.Equal("<em>Amélie</em>", typo["_formatted"]!.AsObject().Str("title"));
    }

    [Fact]
    public async Task Crop_keeps_the_window_with_the_matches()
    {
        var hit = (await Search(new SearchRequest { Q = "gotham", AttributesToCrop = ["overview:4"], AttributesToHighlight = ["overview"] })).Hits.Single(h => IdOf(h) == "1");
        Assert.Equal("…on crime in <em>Gotham</em>", hit["_formatted"]!.AsObject().Str("overview"));
        var plain = (await Search(new SearchRequest { Q = "raises", AttributesToCrop = ["overview"], CropLength = 3, CropMarker = "..." })).Hits.Single();
        Assert.Equal("Batman raises the...", plain["_formatted"]!.AsObject().Str("overview"));
    }

    [Fact]
    public async Task Matches_position_reports_utf8_byte_offsets()
    {
        var hit = (await Search(new SearchRequest { Q = "amelie", ShowMatchesPosition = true })).Hits.Single();
        Assert.Equal("""{"title":[{"start":0,"length":7}]}""", hit["_matchesPosition"]!.ToJsonString());
        var gotham = (await Search(new SearchRequest { Q = "gotham", ShowMatchesPosition = true })).Hits.Single(h => IdOf(h) == "1");
        var start = gotham.Str("overview").IndexOf("Gotham", StringComparison.Ordinal);
        Assert.Equal($$"""{"overview":[{"start":{{start}},"length":6}]}""", gotham["_matchesPosition"]!.ToJsonString());
    }

    [Fact]
    public async Task Ranking_scores_are_between_zero_and_one_and_follow_hit_order()
    {
        var response = await Search(new SearchRequest { Q = "batman knight", ShowRankingScore = true });
        var scores = response.Hits.Select(h => h["_rankingScore"]!.GetValue<double>()).ToList();
        Assert.NotEmpty(scores);
        Assert.All(scores, s => Assert.InRange(s, 0.0, 1.0));
        Assert.Equal(scores.OrderDescending(), scores);
        var placeholder = await Search(new SearchRequest { ShowRankingScore = true, Limit = 1 });
        Assert.Equal(1.0, placeholder.Hits[0]["_rankingScore"]!.GetValue<double>());
    }

    [Fact]
    public async Task Ranking_score_threshold_drops_weaker_hits()
    {
        var all = await Search(new SearchRequest { Q = "batman gotham", ShowRankingScore = true });
        var best = all.Hits[0]["_rankingScore"]!.GetValue<double>();
        var filtered = await Search(new SearchRequest { Q = "batman gotham", RankingScoreThreshold = best });
        Assert.Equal(all.Hits.Count(h => h["_rankingScore"]!.GetValue<double>() >= best), filtered.Hits.Count);
    }

    [Fact]
    public async Task Distinct_keeps_one_hit_per_value()
    {
        var response = await Search(new SearchRequest { Distinct = "director.name" });
        Assert.Equal(["1", "5", "7", "eight"], Ids(response));
        await Fails(() => Search(new SearchRequest { Distinct = "overview" }), "invalid_search_distinct");
    }

    [Fact]
    public async Task Missing_index_is_not_found()
    {
        var error = await Fails(() => Search(new SearchRequest(), "nope"), "index_not_found");
        Assert.Equal(("Index `nope` not found.", 404), (error.Message, error.HttpStatus));
    }

    // ---- facet search --------------------------------------------------------------------------------------

    protected Task<FacetSearchResponse> FacetSearch(FacetSearchRequest request, string index = Movies, TenantScope? scope = null) =>
        Engine.FacetSearchAsync(scope ?? Acme, index, request);

    protected static List<string> Hits(FacetSearchResponse response) => response.FacetHits.Select(h => $"{h.Value}:{h.Count}").ToList();

    [Fact]
    public async Task Facet_search_without_query_lists_every_value_alphabetically_with_counts()
    {
        var response = await FacetSearch(new FacetSearchRequest { FacetName = "genres" });
        Assert.Equal(["Action:5", "Adventure:2", "Comedy:2", "Crime:1", "Drama:3", "Mystery:1", "Romance:1", "Science Fiction:2"], Hits(response));
        Assert.Null(response.FacetQuery);
        Assert.True(response.ProcessingTimeMs >= 0);
    }

    [Theory]
    [InlineData("a", "Action:5,Adventure:2")]
    [InlineData("C", "Comedy:2,Crime:1")]
    [InlineData("science f", "Science Fiction:2")]
    [InlineData("fiction", "")]
    [InlineData("", "Action:5,Adventure:2,Comedy:2,Crime:1,Drama:3,Mystery:1,Romance:1,Science Fiction:2")]
    public async Task Facet_query_is_a_prefix_of_the_whole_value(string facetQuery, string expected)
    {
        var response = await FacetSearch(new FacetSearchRequest { FacetName = "genres", FacetQuery = facetQuery });
        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries), Hits(response));
        Assert.Equal(facetQuery, response.FacetQuery);
    }

    [Theory]
    [InlineData("title", "AMÉL", "Amélie:1")]
    [InlineData("title", "amel", "Amélie:1")]
    [InlineData("director.name", "JEAN-p", "Jean-Pierre Jeunet:1")]
    [InlineData("tags", "q", "Quirky:1")]
    [InlineData("available", "t", "true:6")]
    public async Task Facet_query_ignores_case_and_accents(string facet, string facetQuery, string expected)
    {
        Assert.Equal([expected], Hits(await FacetSearch(new FacetSearchRequest { FacetName = facet, FacetQuery = facetQuery })));
    }

    [Theory]
    [InlineData("comdy", "Comedy:2")]
    [InlineData("advneture", "Adventure:2")]
    [InlineData("scienec fiction", "Science Fiction:2")]
    [InlineData("drma", "")]
    [InlineData("cmdy", "")]
    public async Task Facet_query_tolerates_typos_by_length(string facetQuery, string expected)
    {
        var response = await FacetSearch(new FacetSearchRequest { FacetName = "genres", FacetQuery = facetQuery });
        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries), Hits(response));
    }

    [Fact]
    public async Task Facet_search_counts_only_documents_selected_by_q_and_filter()
    {
        Assert.Equal(["Action:2", "Adventure:1", "Crime:1"], Hits(await FacetSearch(new FacetSearchRequest { FacetName = "genres", Q = "batman" })));
        Assert.Equal(["Action:1", "Adventure:1"], Hits(await FacetSearch(new FacetSearchRequest { FacetName = "genres", Q = "batman", Filter = F.Eq("available", "false") })));
        Assert.Equal(["Adventure:1"], Hits(await FacetSearch(new FacetSearchRequest { FacetName = "genres", FacetQuery = "adv", Q = "batman", Filter = F.Eq("available", "false") })));
        Assert.Equal(["Drama:3"], Hits(await FacetSearch(new FacetSearchRequest { FacetName = "genres", FacetQuery = "d", Filter = F.Gte("year", "2000") })));
        Assert.Empty((await FacetSearch(new FacetSearchRequest { FacetName = "genres", Q = "batman xyzzyq", MatchingStrategy = MatchingStrategy.All })).FacetHits);
        Assert.Equal(["Action:2", "Adventure:1", "Crime:1"], Hits(await FacetSearch(new FacetSearchRequest { FacetName = "genres", Q = "batman xyzzyq" })));
        Assert.Equal(["Action:1", "Adventure:1"], Hits(await FacetSearch(new FacetSearchRequest { FacetName = "genres", Q = "batman", AttributesToSearchOn = ["title"] })));
    }

    [Fact]
    public async Task Facet_search_on_the_catalogue_matches_a_reference_count()
    {
        var cheap = Fixture.AcmeProducts.Where(p => p.Num("price") < 100).ToList();
        var response = await FacetSearch(new FacetSearchRequest { FacetName = "category", Filter = F.Lt("price", "100") }, Products);
        var expected = ProductCatalog.Categories.Order(StringComparer.OrdinalIgnoreCase)
            .Select(c => $"{c}:{cheap.Count(p => p.Str("category") == c)}");
        Assert.Equal(expected, Hits(response));

        var lumiere = await FacetSearch(new FacetSearchRequest { FacetName = "brand.name", FacetQuery = "lumie" }, Products);
        Assert.Equal([$"Lumière:{Fixture.AcmeProducts.Count(p => p["brand"]!["name"]!.GetValue<string>() == "Lumière")}"], Hits(lumiere));

        var teal = await FacetSearch(new FacetSearchRequest { FacetName = "variants.color", FacetQuery = "TE" }, Products);
        Assert.Equal([$"Teal:{Fixture.AcmeProducts.Count(p => p["variants"]!.AsArray().Any(v => v!["color"]!.GetValue<string>() == "Teal"))}"], Hits(teal));
    }

    [Fact]
    public async Task Facet_search_groups_case_variants_keeps_accent_variants_and_skips_numbers()
    {
        var uid = await NewIndex(
            new IndexSettings { FilterableAttributes = ["color", "size"] },
            Doc("""{"id":1,"color":"Rosé","size":3}"""),
            Doc("""{"id":2,"color":"rosé","size":"3"}"""),
            Doc("""{"id":3,"color":["rose","ROSÉ","Red"]}"""),
            Doc("""{"id":4,"color":"red"}"""));
        Assert.Equal(["Red:2", "rose:1", "Rosé:3"], Hits(await Engine.FacetSearchAsync(Acme, uid, new FacetSearchRequest { FacetName = "color" })));
        Assert.Equal(["rose:1", "Rosé:3"], Hits(await Engine.FacetSearchAsync(Acme, uid, new FacetSearchRequest { FacetName = "color", FacetQuery = "ROS" })));
        Assert.Equal(["3:1"], Hits(await Engine.FacetSearchAsync(Acme, uid, new FacetSearchRequest { FacetName = "size" })));
    }

    [Fact]
    public async Task Facet_search_returns_at_most_one_hundred_values()
    {
        var documents = Enumerable.Range(0, 120).Select(i => new JsonObject { ["id"] = i, ["code"] = $"v{i:D3}" }).ToArray();
        var uid = await NewIndex(new IndexSettings { FilterableAttributes = ["code"] }, documents);
        var response = await Engine.FacetSearchAsync(Acme, uid, new FacetSearchRequest { FacetName = "code", FacetQuery = "v" });
        Assert.Equal(100, response.FacetHits.Count);
        Assert.Equal(("v000", "v099"), (response.FacetHits[0].Value, response.FacetHits[^1].Value));
    }

    [Fact]
    public async Task Facet_search_on_a_non_filterable_attribute_is_refused_with_meilisearch_message()
    {
        var error = await Fails(() => FacetSearch(new FacetSearchRequest { FacetName = "overview", FacetQuery = "a" }), "invalid_facet_search_facet_name");
        Assert.Equal(
            "Attribute `overview` is not facet-searchable. Available facet-searchable attributes patterns are: `available, director, genres, rating, sequel, tags, title, year`. To make it facet-searchable add it to the `filterableAttributes` index settings.",
            error.Message);
        Assert.Equal(400, error.HttpStatus);

        var none = await NewIndex(new IndexSettings(), Doc("""{"id":1,"color":"red"}"""));
        var empty = await Fails(() => Engine.FacetSearchAsync(Acme, none, new FacetSearchRequest { FacetName = "color" }), "invalid_facet_search_facet_name");
        Assert.Equal("Attribute `color` is not facet-searchable. This index does not have configured facet-searchable attributes. To make it facet-searchable add it to the `filterableAttributes` index settings.", empty.Message);

        var hidden = await NewIndex(new IndexSettings { FilterableAttributes = ["size", "color"], DisplayedAttributes = ["id", "color"] }, Doc("""{"id":1,"color":"red"}"""));
        var partly = await Fails(() => Engine.FacetSearchAsync(Acme, hidden, new FacetSearchRequest { FacetName = "name" }), "invalid_facet_search_facet_name");
        Assert.Contains("patterns are: `color, <..hidden-attributes>`.", partly.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attribute_lists_in_errors_leave_out_attributes_that_are_not_displayed()
    {
        var uid = await NewIndex(new IndexSettings { FilterableAttributes = ["size", "color"], SortableAttributes = ["size", "color"], DisplayedAttributes = ["id", "color"] }, Doc("""{"id":1,"color":"red"}"""));
        var sort = await Fails(() => Engine.SearchAsync(Acme, uid, new SearchRequest { Sort = ["name:asc"] }), "invalid_search_sort");
        Assert.Equal($"Index `{uid}`: Attribute `name` is not sortable. Available sortable attributes are: `color, <..hidden-attributes>`.", sort.Message);
        var distinct = await Fails(() => Engine.SearchAsync(Acme, uid, new SearchRequest { Distinct = "name" }), "invalid_search_distinct");
        Assert.Equal($"Index `{uid}`: Attribute `name` is not filterable and thus, cannot be used as distinct attribute. Available filterable attributes patterns are: `color, <..hidden-attributes>`.", distinct.Message);
    }

    [Fact]
    public async Task Facet_search_errors_use_meilisearch_codes()
    {
        var missing = await Fails(() => FacetSearch(new FacetSearchRequest { FacetName = "genres" }, "nope"), "index_not_found");
        Assert.Equal(404, missing.HttpStatus);
        await Fails(() => FacetSearch(new FacetSearchRequest { FacetName = "genres", Filter = F.Eq("overview", "x") }), "invalid_search_filter");
        // The facet name is checked before the filter is evaluated against the filterable attributes.
        await Fails(() => FacetSearch(new FacetSearchRequest { FacetName = "overview", Filter = F.Eq("overview", "x") }), "invalid_facet_search_facet_name");
        await Fails(() => FacetSearch(new FacetSearchRequest { FacetName = "genres", RankingScoreThreshold = 2 }), "invalid_search_ranking_score_threshold");
    }

    // ---- documents and settings (each test writes to its own index) ----------------------------------------

    private async Task<string> NewIndex(IndexSettings? settings = null, params JsonObject[] documents)
    {
        var uid = Fixture.NewIndexUid("docs");
        await Engine.CreateIndexAsync(uid, "id");
        if (settings is not null)
        {
            await Engine.UpdateSettingsAsync(uid, settings with { PrimaryKey = "id" });
        }

        if (documents.Length > 0)
        {
            await Engine.AddDocumentsAsync(Acme, uid, documents, DocumentWriteMode.AddOrReplace);
        }

        return uid;
    }

    private static JsonObject Doc(string json) => JsonNode.Parse(json)!.AsObject();

    [Fact]
    public async Task Add_or_replace_replaces_and_add_or_update_merges()
    {
        var uid = await NewIndex(null, Doc("""{"id":1,"a":"x","b":"y"}"""));
        await Engine.AddDocumentsAsync(Acme, uid, [Doc("""{"id":1,"a":"z"}""")], DocumentWriteMode.AddOrReplace);
        AssertJson("""{"id":1,"a":"z"}""", await Engine.GetDocumentAsync(Acme, uid, "1"));
        var result = await Engine.AddDocumentsAsync(Acme, uid, [Doc("""{"id":"1","c":true}"""), Doc("""{"id":2,"a":"n"}""")], DocumentWriteMode.AddOrUpdate);
        Assert.Equal(new DocumentWriteResult(2, 2), result);
        AssertJson("""{"id":"1","a":"z","c":true}""", await Engine.GetDocumentAsync(Acme, uid, "1"));
    }

    [Fact]
    public async Task Primary_key_is_inferred_from_an_attribute_ending_with_id()
    {
        var uid = Fixture.NewIndexUid("infer");
        await Engine.AddDocumentsAsync(Acme, uid, [Doc("""{"title":"x","movieId":"m-1"}""")], DocumentWriteMode.AddOrReplace);
        Assert.Equal("movieId", (await Engine.GetIndexAsync(uid)).PrimaryKey);
        Assert.Equal("x", (await Engine.GetDocumentAsync(Acme, uid, "m-1")).Str("title"));
    }

    [Fact]
    public async Task Primary_key_inference_fails_without_or_with_several_candidates()
    {
        var none = await Fails(() => Engine.AddDocumentsAsync(Acme, Fixture.NewIndexUid("pk"), [Doc("""{"title":"x"}""")], DocumentWriteMode.AddOrReplace), "index_primary_key_no_candidate_found");
        Assert.Equal("The primary key inference failed as the engine did not find any field ending with `id` in its name. Please specify the primary key manually using the `primaryKey` query parameter.", none.Message);
        var several = await Fails(() => Engine.AddDocumentsAsync(Acme, Fixture.NewIndexUid("pk"), [Doc("""{"id":1,"isbn_id":2}""")], DocumentWriteMode.AddOrReplace), "index_primary_key_multiple_candidates_found");
        Assert.Equal("The primary key inference failed as the engine found 2 fields ending with `id` in their names: 'id' and 'isbn_id'. Please specify the primary key manually using the `primaryKey` query parameter.", several.Message);
    }

    [Theory]
    [InlineData("""{"id":"a b"}""", "\"a b\"")]
    [InlineData("""{"id":1.5}""", "1.5")]
    [InlineData("""{"id":true}""", "true")]
    [InlineData("""{"id":"é"}""", "\"é\"")]
    public async Task Invalid_document_ids_fail_the_whole_batch(string json, string shown)
    {
        var uid = await NewIndex();
        var error = await Fails(() => Engine.AddDocumentsAsync(Acme, uid, [Doc("""{"id":"ok"}"""), Doc(json)], DocumentWriteMode.AddOrReplace), "invalid_document_id");
        Assert.Equal($"Document identifier `{shown}` is invalid. A document identifier can be of type integer or string, only composed of alphanumeric characters (a-z A-Z 0-9), hyphens (-) and underscores (_), and can not be more than 511 bytes.", error.Message);
        await Fails(() => Engine.GetDocumentAsync(Acme, uid, "ok"), "document_not_found");
    }

    [Fact]
    public async Task Document_ids_are_limited_to_511_bytes()
    {
        var uid = await NewIndex();
        await Engine.AddDocumentsAsync(Acme, uid, [new JsonObject { ["id"] = new string('a', 511) }], DocumentWriteMode.AddOrReplace);
        await Fails(() => Engine.AddDocumentsAsync(Acme, uid, [new JsonObject { ["id"] = new string('a', 512) }], DocumentWriteMode.AddOrReplace), "invalid_document_id");
    }

    [Fact]
    public async Task Document_without_primary_key_is_refused()
    {
        var uid = await NewIndex();
        var error = await Fails(() => Engine.AddDocumentsAsync(Acme, uid, [Doc("""{"title":"x"}""")], DocumentWriteMode.AddOrReplace), "missing_document_id");
        Assert.Equal("""Document doesn't have a `id` attribute: `{"title":"x"}`.""", error.Message);
    }

    [Fact]
    public async Task Documents_can_be_fetched_with_filter_fields_offset_and_limit()
    {
        var uid = await NewIndex(new IndexSettings { FilterableAttributes = ["n"] },
            Enumerable.Range(1, 10).Select(i => new JsonObject { ["id"] = i, ["n"] = i % 2, ["t"] = "x" }).ToArray());
        var page = await Engine.GetDocumentsAsync(Acme, uid, new DocumentsQuery { Filter = F.Eq("n", "1"), Offset = 1, Limit = 2, Fields = ["id"] });
        Assert.Equal(5, page.Total);
        Assert.Equal(["""{"id":3}""", """{"id":5}"""], page.Results.Select(d => d.ToJsonString()));
        await Fails(() => Engine.GetDocumentsAsync(Acme, uid, new DocumentsQuery { Filter = F.Eq("t", "x") }), "invalid_document_filter");
        var missing = await Fails(() => Engine.GetDocumentAsync(Acme, uid, "99"), "document_not_found");
        Assert.Equal(("Document `99` not found.", 404), (missing.Message, missing.HttpStatus));
    }

    [Fact]
    public async Task Deletes_report_the_documents_actually_deleted()
    {
        var uid = await NewIndex(new IndexSettings { FilterableAttributes = ["n"] },
            Enumerable.Range(1, 10).Select(i => new JsonObject { ["id"] = i, ["n"] = i }).ToArray());
        Assert.Equal(new DocumentDeletionResult(3, 2), await Engine.DeleteDocumentsAsync(Acme, uid, ["1", "2", "404"]));
        Assert.Equal(new DocumentDeletionResult(0, 3), await Engine.DeleteDocumentsByFilterAsync(Acme, uid, F.Gt("n", "7")));
        Assert.Equal(5, (await Engine.GetDocumentsAsync(Acme, uid, new DocumentsQuery())).Total);
        Assert.Equal(new DocumentDeletionResult(0, 5), await Engine.DeleteAllDocumentsAsync(Acme, uid));
        Assert.Empty((await Engine.SearchAsync(Acme, uid, new SearchRequest())).Hits);
    }

    [Fact]
    public async Task Displayed_and_searchable_settings_shape_search()
    {
        var uid = await NewIndex(new IndexSettings { DisplayedAttributes = ["id", "title"], SearchableAttributes = ["title"] },
            Doc("""{"id":1,"title":"red kettle","secret":"hidden words"}"""));
        var hit = (await Engine.SearchAsync(Acme, uid, new SearchRequest { Q = "kettle" })).Hits.Single();
        AssertJson("""{"id":1,"title":"red kettle"}""", hit);
        Assert.Empty((await Engine.SearchAsync(Acme, uid, new SearchRequest { Q = "hidden" })).Hits);
    }

    [Fact]
    public async Task Index_lifecycle_errors_use_meilisearch_codes()
    {
        var uid = await NewIndex();
        var exists = await Fails(() => Engine.CreateIndexAsync(uid), "index_already_exists");
        Assert.Equal(409, exists.HttpStatus);
        await Fails(() => Engine.CreateIndexAsync("bad uid!"), "invalid_index_uid");
        Assert.True(await Engine.DeleteIndexAsync(uid));
        await Fails(() => Engine.SearchAsync(Acme, uid, new SearchRequest()), "index_not_found");
        Assert.False(await Engine.DeleteIndexAsync(uid));
    }

    [Fact]
    public async Task Nested_arrays_of_objects_filter_and_facet_by_dotted_path()
    {
        var response = await Search(new SearchRequest { Filter = F.Eq("variants.color", "teal"), Facets = ["variants.color"], HitsPerPage = 0 }, Products);
        var expected = Fixture.AcmeProducts.Count(p => p["variants"]!.AsArray().Any(v => v!["color"]!.GetValue<string>() == "Teal"));
        Assert.Equal(expected, response.TotalHits);
        Assert.Equal(expected, response.FacetDistribution!["variants.color"]["Teal"]);
    }

    [Fact]
    public async Task Wildcard_facets_cover_every_filterable_attribute()
    {
        var response = await Search(new SearchRequest { Facets = ["*"], Limit = 0 });
        // Meilisearch also lists filterable fields without any value as empty objects (`sequel`, `director`); the embedded engine leaves them out.
        var distribution = response.FacetDistribution!;
        var withValues = distribution.Where(f => f.Value.Count > 0).Select(f => f.Key).ToHashSet();
        Assert.Superset(new HashSet<string> { "genres", "year", "rating", "director.name", "director.country", "available", "tags", "title" }, withValues);
        Assert.DoesNotContain("overview", distribution.Keys);
    }

    [Fact]
    public async Task Only_the_first_ten_query_words_count()
    {
        var response = await Q("batman a b c d e f g h i xyzzyq", MatchingStrategy.All);
        Assert.Empty(response.Hits);
        var tenWords = await Q("inception thief steals corporate secrets through dream sharing technology a zzzzzz", MatchingStrategy.All);
        Assert.Equal(["3"], Ids(tenWords));
    }

    [Fact]
    public async Task Hits_per_page_alone_switches_to_page_mode()
    {
        var response = await Search(new SearchRequest { HitsPerPage = 5 });
        Assert.Equal((1, 5, 8, 2), (response.Page, response.HitsPerPage, response.TotalHits, response.TotalPages));
        Assert.Equal(5, response.Hits.Count);
    }

    [Fact]
    public async Task Crop_without_match_starts_at_the_beginning()
    {
        var hit = (await Search(new SearchRequest { Q = "inception", AttributesToCrop = ["overview:3"] })).Hits.Single();
        Assert.Equal("A thief who…", hit["_formatted"]!.AsObject().Str("overview"));
    }

    [Fact]
    public async Task Integer_and_string_forms_of_an_id_are_the_same_document()
    {
        var uid = await NewIndex(null, Doc("""{"id":7,"v":1}"""));
        await Engine.AddDocumentsAsync(Acme, uid, [Doc("""{"id":"7","v":2}""")], DocumentWriteMode.AddOrReplace);
        Assert.Equal(1, (await Engine.GetDocumentsAsync(Acme, uid, new DocumentsQuery())).Total);
        Assert.Equal(2, (await Engine.GetDocumentAsync(Acme, uid, "7"))["v"]!.GetValue<int>());
    }

    [Fact]
    public async Task Another_primary_key_than_the_index_one_is_refused()
    {
        var uid = await NewIndex(null, Doc("""{"id":1}"""));
        var error = await Fails(() => Engine.AddDocumentsAsync(Acme, uid, [Doc("""{"sku":"a"}""")], DocumentWriteMode.AddOrReplace, primaryKey: "sku"), "index_primary_key_already_exists");
        Assert.Equal($"Index `{uid}`: Index already has a primary key: `id`.", error.Message);
    }

    [Fact]
    public async Task Updates_in_one_batch_merge_in_order()
    {
        var uid = await NewIndex();
        var result = await Engine.AddDocumentsAsync(Acme, uid, [Doc("""{"id":1,"a":1}"""), Doc("""{"id":1,"b":2}"""), Doc("""{"id":1,"a":3}""")], DocumentWriteMode.AddOrUpdate);
        Assert.Equal(new DocumentWriteResult(3, 1), result);
        AssertJson("""{"id":1,"a":3,"b":2}""", await Engine.GetDocumentAsync(Acme, uid, "1"));
    }

    [Fact]
    public async Task Ids_that_cannot_exist_are_not_found_and_not_deleted()
    {
        var uid = await NewIndex(null, Doc("""{"id":1}"""));
        await Fails(() => Engine.GetDocumentAsync(Acme, uid, "1\u001fx"), "document_not_found");
        Assert.Equal(new DocumentDeletionResult(2, 0), await Engine.DeleteDocumentsAsync(Acme, uid, ["a b", "1\u001f"]));
    }
}
