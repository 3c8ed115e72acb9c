using Platform.Search.Engine;
using Platform.Search.Filters;
using Platform.Search.Meilisearch.Tests.Infrastructure;

namespace Platform.Search.Meilisearch.Tests.Engine;

using DocumentsQuery = Platform.Search.Engine.DocumentsQuery;

/// <summary>
/// A reserved geo field used as a plain filter attribute is refused before anything is sent, with the embedded
/// engine's error: the printer quotes the name, and Meilisearch would take a quoted one for an ordinary attribute.
/// </summary>
public sealed class ReservedGeoContractTests(RecordingMeilisearchFixture fixture) : EngineContractTestBase(fixture)
{
    public static TheoryData<string, string> Filters() => new()
    {
        { "\"_geo\" = 1", "_geo" },
        { "\"_geoPoint\" EXISTS", "_geoPoint" },
        { "\"_geoDistance\" 1 TO 5", "_geoDistance" },
        { "year > 2000 AND NOT \"_geo\" IN [1, 2]", "_geo" },
        { "year > 2000 OR \"_geoPoint\" != x", "_geoPoint" },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Search_is_refused_before_anything_is_sent(string filter, string field)
    {
        var error = await Assert.ThrowsAsync<SearchEngineException>(() =>
            Engine.SearchAsync(Acme, "products", new SearchRequest { Filter = FilterParser.Parse(filter) }));

        AssertReserved(error, field, "invalid_search_filter");
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Facet_search_is_refused_before_anything_is_sent(string filter, string field)
    {
        var error = await Assert.ThrowsAsync<SearchEngineException>(() =>
            Engine.FacetSearchAsync(Acme, "products", new FacetSearchRequest { FacetName = "color", Filter = FilterParser.Parse(filter) }));

        AssertReserved(error, field, "invalid_search_filter");
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Fetching_documents_is_refused_before_anything_is_sent(string filter, string field)
    {
        var error = await Assert.ThrowsAsync<SearchEngineException>(() =>
            Engine.GetDocumentsAsync(Acme, "products", new DocumentsQuery { Filter = FilterParser.Parse(filter) }));

        AssertReserved(error, field, "invalid_document_filter");
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Deleting_by_filter_is_refused_before_anything_is_sent(string filter, string field)
    {
        var error = await Assert.ThrowsAsync<SearchEngineException>(() =>
            Engine.DeleteDocumentsByFilterAsync(Acme, "products", FilterParser.Parse(filter)!));

        AssertReserved(error, field, "invalid_document_filter");
    }

    [Fact]
    public async Task Geo_built_ins_are_still_sent()
    {
        Server.Enqueue(SearchKey(), SearchAnswer());

        await Engine.SearchAsync(Acme, "products", new SearchRequest { Filter = FilterParser.Parse("_geoRadius(45.47, 9.18, 2000)") });

        AssertRequest(Server.Requests[1], "POST", "/indexes/platform-products/search",
            """{"filter":["_geoRadius(45.47, 9.18, 2000)","_tenant = \"acme\""],"limit":20,"offset":0}""");
    }

    private void AssertReserved(SearchEngineException error, string field, string code)
    {
        var expected = SearchEngineErrors.ReservedGeoField(field, code);
        Assert.Equal((expected.Code, expected.Message, 400), (error.Code, error.Message, error.HttpStatus));
        Assert.StartsWith($"`{field}` is a reserved keyword", error.Message, StringComparison.Ordinal);
        Assert.Empty(Server.Requests);
    }
}
