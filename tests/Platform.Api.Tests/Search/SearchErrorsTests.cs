using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Platform.Api.Errors;
using Platform.Api.Search;
using Platform.Search.Engine;
using Platform.Search.Errors;
using Platform.Search.Filters;

namespace Platform.Api.Tests.Search;

public sealed class SearchErrorsTests
{
    [Fact]
    public void Engine_errors_keep_code_and_message_and_take_the_catalog_status()
    {
        var error = SearchErrors.ToApiError(SearchEngineErrors.IndexNotFound("books"));
        Assert.Equal(("index_not_found", "Index `books` not found."), (error.Code, error.Message));
        Assert.Null(error.HttpStatus);
        Assert.Equal(404, ErrorCatalog.Describe(error.Code).Status);
    }

    [Fact]
    public void Inside_a_multi_search_index_not_found_is_400_and_other_statuses_are_kept()
    {
        var missing = SearchErrors.ForQuery(2, SearchEngineErrors.IndexNotFound("x"))!;
        Assert.Equal(("index_not_found", "Inside `.queries[2]`: Index `x` not found.", 400), (missing.Code, missing.Message, missing.HttpStatus!.Value));
        var filter = SearchErrors.ForQuery(0, new FilterParseException("bad"))!;
        Assert.Equal(("invalid_search_filter", "Inside `.queries[0]`: bad"), (filter.Code, filter.Message));
        Assert.Null(SearchErrors.ForQuery(0, new TimeoutException()));
    }

    [Fact]
    public async Task The_error_writer_honours_a_status_override()
    {
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();
        await ErrorWriter.WriteAsync(context, "index_not_found", "Inside `.queries[0]`: Index `x` not found.", statusOverride: 400);
        Assert.Equal(400, context.Response.StatusCode);
        context.Response.Body.Position = 0;
        var body = JsonNode.Parse(context.Response.Body)!;
        Assert.Equal(["message", "code", "type", "link"], body.AsObject().Select(p => p.Key));
        Assert.Equal("https://docs.meilisearch.com/errors#index_not_found", body["link"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_response_result_writes_json_with_a_fresh_request_uid()
    {
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();
        var response = new SearchResponse { Hits = [new JsonObject { ["title"] = "Dune" }], Query = "dune", Limit = 20, Offset = 0, EstimatedTotalHits = 1 };
        await SearchResponseWriter.ToResult(response).ExecuteAsync(context);
        Assert.Equal(200, context.Response.StatusCode);
        Assert.Equal("application/json", context.Response.ContentType);
        context.Response.Body.Position = 0;
        using var document = await JsonDocument.ParseAsync(context.Response.Body);
        Assert.Equal(7, Guid.Parse(document.RootElement.GetProperty("requestUid").GetString()!).Version);
        Assert.Equal("Dune", document.RootElement.GetProperty("hits")[0].GetProperty("title").GetString());
    }
}
