using Platform.Search.Filters;

namespace Platform.Search.Tests.Filters;

public sealed class FilterAttributesTests
{
    [Fact]
    public void Collect_counts_the_geo_field_geo_built_ins_read_and_Named_does_not()
    {
        var filter = FilterParser.Parse("_geoRadius(45.47, 9.18, 2000) AND (year > 2000 OR NOT \"_geoPoint\" EXISTS) AND year < 2020");

        Assert.Equal(["_geo", "year", "_geoPoint"], FilterAttributes.Collect(filter));
        Assert.Equal(["year", "_geoPoint"], FilterAttributes.Named(filter));
    }

    [Fact]
    public void Named_keeps_a_geo_name_used_as_a_plain_attribute()
    {
        Assert.Equal(["_geo"], FilterAttributes.Named(FilterParser.Parse("\"_geo\" = 1")));
        Assert.Empty(FilterAttributes.Named(null));
    }
}
