using Platform.Search.Engine;
using Platform.Search.Meilisearch.Engine;

namespace Platform.Search.Meilisearch.Tests.Engine;

/// <summary>
/// The platform attributes are taken out of every attribute list Meilisearch (v1.14+) prints in an error, in both of
/// its list styles, and an emptied list reads as Meilisearch's "does not have configured …" sentence.
/// </summary>
public sealed class AttributeListsTests
{
    private const string FacetSearchHint = "To make it facet-searchable add it to the `filterableAttributes` index settings.";

    public static TheoryData<string, string> FilterErrors() => new()
    {
        // One pair of backticks per name; the position line echoes the client's filter and stays as it is.
        {
            "Index `movies`: Attribute `overview` is not filterable. Available filterable attribute patterns are: `Genre`, `_tenant`, `year`.\n1:9 overview = x",
            "Index `movies`: Attribute `overview` is not filterable. Available filterable attribute patterns are: `Genre`, `year`.\n1:9 overview = x"
        },
        {
            "Index `movies`: Attribute `overview` is not filterable. Available filterable attribute patterns are: `_tenant`, `available`, `year`.\n1:9 overview = x",
            "Index `movies`: Attribute `overview` is not filterable. Available filterable attribute patterns are: `available`, `year`.\n1:9 overview = x"
        },
        {
            "Index `movies`: Attribute `overview` is not filterable. Available filterable attribute patterns are: `Rating`, `Year`, `_tenant`.\n1:9 overview = x",
            "Index `movies`: Attribute `overview` is not filterable. Available filterable attribute patterns are: `Rating`, `Year`.\n1:9 overview = x"
        },
        {
            "Index `movies`: Attribute `overview` is not filterable. Available filterable attribute patterns are: `_tenant`.\n1:9 overview = x",
            "Index `movies`: Attribute `overview` is not filterable. This index does not have configured filterable attributes.\n1:9 overview = x"
        },
        {
            "Index `movies`: Attribute `overview` is not filterable. Available filterable attribute patterns are: `_tenant`.\n12:20 year > 1 AND overview = x",
            "Index `movies`: Attribute `overview` is not filterable. This index does not have configured filterable attributes.\n12:20 year > 1 AND overview = x"
        },
    };

    public static TheoryData<string, string> FacetDistributionErrors() => new()
    {
        {
            "Invalid facet distribution: Attribute `overview` is not filterable. Available filterable attributes patterns are: `_tenant, available, director`.",
            "Invalid facet distribution: Attribute `overview` is not filterable. Available filterable attributes patterns are: `available, director`."
        },
        {
            "Invalid facet distribution: Attribute `overview` is not filterable. Available filterable attributes patterns are: `Genre, _tenant, year`.",
            "Invalid facet distribution: Attribute `overview` is not filterable. Available filterable attributes patterns are: `Genre, year`."
        },
        {
            "Invalid facet distribution: Attribute `overview` is not filterable. Available filterable attributes patterns are: `Rating, Year, _tenant`.",
            "Invalid facet distribution: Attribute `overview` is not filterable. Available filterable attributes patterns are: `Rating, Year`."
        },
        {
            "Invalid facet distribution: Attribute `overview` is not filterable. Available filterable attributes patterns are: `_tenant`.",
            "Invalid facet distribution: Attribute `overview` is not filterable. This index does not have configured filterable attributes."
        },
        {
            "Invalid facet distribution: Attributes `overview, plot` are not filterable. Available filterable attributes patterns are: `_tenant, genres`.",
            "Invalid facet distribution: Attributes `overview, plot` are not filterable. Available filterable attributes patterns are: `genres`."
        },
    };

    public static TheoryData<string, string> FacetSearchErrors() => new()
    {
        {
            $"Attribute `overview` is not facet-searchable. Available facet-searchable attributes patterns are: `_tenant, available, genres`. {FacetSearchHint}",
            $"Attribute `overview` is not facet-searchable. Available facet-searchable attributes patterns are: `available, genres`. {FacetSearchHint}"
        },
        {
            $"Attribute `overview` is not facet-searchable. Available facet-searchable attributes patterns are: `Genre, _tenant, year`. {FacetSearchHint}",
            $"Attribute `overview` is not facet-searchable. Available facet-searchable attributes patterns are: `Genre, year`. {FacetSearchHint}"
        },
        {
            $"Attribute `overview` is not facet-searchable. Available facet-searchable attributes patterns are: `_tenant, color, <..hidden-attributes>`. {FacetSearchHint}",
            $"Attribute `overview` is not facet-searchable. Available facet-searchable attributes patterns are: `color, <..hidden-attributes>`. {FacetSearchHint}"
        },
        {
            $"Attribute `overview` is not facet-searchable. Available facet-searchable attributes patterns are: `_tenant`. {FacetSearchHint}",
            $"Attribute `overview` is not facet-searchable. This index does not have configured facet-searchable attributes. {FacetSearchHint}"
        },
        {
            // Meilisearch prints its sentence whenever no displayed pattern is left, hidden ones or not.
            $"Attribute `overview` is not facet-searchable. Available facet-searchable attributes patterns are: `_tenant, <..hidden-attributes>`. {FacetSearchHint}",
            $"Attribute `overview` is not facet-searchable. This index does not have configured facet-searchable attributes. {FacetSearchHint}"
        },
    };

    public static TheoryData<string, string> DistinctErrors() => new()
    {
        {
            "Index `movies`: Attribute `overview` is not filterable and thus, cannot be used as distinct attribute. Available filterable attributes patterns are: `_tenant, genres, year`.",
            "Index `movies`: Attribute `overview` is not filterable and thus, cannot be used as distinct attribute. Available filterable attributes patterns are: `genres, year`."
        },
        {
            "Index `movies`: Attribute `overview` is not filterable and thus, cannot be used as distinct attribute. Available filterable attributes patterns are: `_tenant, <..hidden-attributes>`.",
            "Index `movies`: Attribute `overview` is not filterable and thus, cannot be used as distinct attribute. This index does not have configured filterable attributes."
        },
        {
            "Index `movies`: Attribute `overview` is not filterable and thus, cannot be used as distinct attribute. Available filterable attributes patterns are: `_tenant`.",
            "Index `movies`: Attribute `overview` is not filterable and thus, cannot be used as distinct attribute. This index does not have configured filterable attributes."
        },
    };

    public static TheoryData<string, string> SearchableAndSortableErrors() => new()
    {
        {
            // searchableAttributes ["*"]: every field is listed, the platform's too.
            "Index `movies`: Attribute `overview` is not searchable. Available searchable attributes are: `_pid, _tenant, id, title`.",
            "Index `movies`: Attribute `overview` is not searchable. Available searchable attributes are: `id, title`."
        },
        {
            "Index `movies`: Attribute `overview` is not searchable. Available searchable attributes are: `Title, _pid, _tenant, <..hidden-attributes>`.",
            "Index `movies`: Attribute `overview` is not searchable. Available searchable attributes are: `Title, <..hidden-attributes>`."
        },
        {
            "Index `movies`: Attribute `overview` is not sortable. Available sortable attributes are: `_tenant`.",
            "Index `movies`: Attribute `overview` is not sortable. This index does not have configured sortable attributes."
        },
    };

    [Theory]
    [MemberData(nameof(FilterErrors))]
    [MemberData(nameof(FacetDistributionErrors))]
    [MemberData(nameof(FacetSearchErrors))]
    [MemberData(nameof(DistinctErrors))]
    [MemberData(nameof(SearchableAndSortableErrors))]
    public void Platform_attributes_are_removed_from_every_list(string meilisearch, string expected) =>
        Assert.Equal(expected, AttributeLists.WithoutPlatformAttributes(meilisearch));

    [Theory]
    [InlineData("Index `movies`: Attribute `overview` is not sortable. Available sortable attributes are: `rating, title, year`.")]
    [InlineData("Index `movies`: Attribute `overview` is not filterable. Available filterable attribute patterns are: `available`, `year`.\n1:9 overview = x")]
    [InlineData("Index `movies`: Attribute `overview` is not sortable. This index does not have configured sortable attributes.")]
    [InlineData("Index `movies` not found.")]
    public void Messages_without_platform_attributes_are_left_alone(string message) =>
        Assert.Equal(message, AttributeLists.WithoutPlatformAttributes(message));

    [Fact]
    public void Fields_under_a_platform_attribute_go_too_but_look_alikes_stay()
    {
        Assert.Equal(
            "Attribute `x` is not searchable. Available searchable attributes are: `_pidgin, _tenants, id`.",
            AttributeLists.WithoutPlatformAttributes("Attribute `x` is not searchable. Available searchable attributes are: `_pid, _pid.x, _pidgin, _tenant.region, _tenants, id`."));
    }

    [Fact]
    public void Only_the_first_line_is_rewritten_so_the_echoed_filter_stays_exact()
    {
        const string tail = "\n1:38 overview = \"Available filterable attribute patterns are: `_tenant`, `x`.\"";
        Assert.Equal(
            "Index `movies`: Attribute `overview` is not filterable. Available filterable attribute patterns are: `year`." + tail,
            AttributeLists.WithoutPlatformAttributes("Index `movies`: Attribute `overview` is not filterable. Available filterable attribute patterns are: `_tenant`, `year`." + tail));
    }

    [Fact]
    public void Emptied_lists_read_like_the_embedded_engines_errors()
    {
        var facetSearch = AttributeLists.WithoutPlatformAttributes(
            $"Attribute `overview` is not facet-searchable. Available facet-searchable attributes patterns are: `_tenant`. {FacetSearchHint}");
        var filter = AttributeLists.WithoutPlatformAttributes(
            "Index `movies`: Attribute `overview` is not filterable. Available filterable attribute patterns are: `_tenant`.");
        var distinct = AttributeLists.WithoutPlatformAttributes(
            "Index `movies`: Attribute `overview` is not filterable and thus, cannot be used as distinct attribute. Available filterable attributes patterns are: `_tenant`.");

        Assert.Equal(SearchEngineErrors.FacetNotSearchable("overview", [], hiddenPatterns: false).Message, facetSearch);
        Assert.Equal(SearchEngineErrors.NotFilterable("movies", "overview", []).Message, filter);
        Assert.Equal(SearchEngineErrors.DistinctNotFilterable("movies", "overview", []).Message, distinct);
    }

    [Fact]
    public void Rewrite_names_the_logical_index_and_removes_the_platform_attributes()
    {
        var message = EngineErrors.Rewrite(
            "Index `platform-movies`: Attribute `overview` is not filterable and thus, cannot be used as distinct attribute. Available filterable attributes patterns are: `_tenant, genres`.",
            new EngineErrors.Target("movies", "platform-movies"));

        Assert.Equal("Index `movies`: Attribute `overview` is not filterable and thus, cannot be used as distinct attribute. Available filterable attributes patterns are: `genres`.", message);
    }
}
