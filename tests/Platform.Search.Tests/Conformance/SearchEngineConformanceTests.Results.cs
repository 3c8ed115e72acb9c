using Platform.Search.Engine;
using static Platform.Search.Tests.Conformance.SearchEngineFixture;

namespace Platform.Search.Tests.Conformance;

/// <summary>Both pagination modes and the shape of hits: retrieval, highlighting, cropping, match positions, scores, distinct.</summary>
public abstract partial class SearchEngineConformanceTests
{
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

    [Fact]
    public async Task Hits_per_page_alone_switches_to_page_mode()
    {
        var response = await Search(new SearchRequest { HitsPerPage = 5 });
        Assert.Equal((1, 5, 8, 2), (response.Page, response.HitsPerPage, response.TotalHits, response.TotalPages));
        Assert.Equal(5, response.Hits.Count);
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

    [Fact]
    public async Task Crop_without_match_starts_at_the_beginning()
    {
        var hit = (await Search(new SearchRequest { Q = "inception", AttributesToCrop = ["overview:3"] })).Hits.Single();
        Assert.Equal("A thief who…", hit["_formatted"]!.AsObject().Str("overview"));
    }
}
