using System.Text.Json.Nodes;
using Platform.Search.Engine;
using Platform.Search.Filters;
using static Platform.Search.Tests.Conformance.SearchEngineFixture;

namespace Platform.Search.Tests.Conformance;

/// <summary>Facet distribution and facet search: counts, value spelling, query matching and errors.</summary>
public abstract partial class SearchEngineConformanceTests
{
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
}
