using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Platform.Api.Json;
using Platform.Search.Engine;

namespace Platform.Api.Search;

/// <summary>
/// Writes search responses with Meilisearch's field order (docs/api-reference.md#search-with-post): <c>hits</c>, <c>query</c>,
/// <c>processingTimeMs</c>, the pagination fields of the mode, facets when asked for, <c>requestUid</c>. A multi-search
/// result puts <c>indexUid</c> first. Hits are written exactly as the engine built them.
/// </summary>
internal static class SearchResponseWriter
{
    // serde_json does not escape non-ASCII or HTML characters; neither do we, so documents come back byte-identical.
    private static JsonWriterOptions WriterOptions => ApiJson.WriterOptions;

    /// <summary>A single-index search response as an endpoint result, with a fresh UUID v7 <c>requestUid</c>.</summary>
    public static IResult ToResult(SearchResponse response) =>
        new JsonWriterResult(writer => Write(writer, response, Guid.CreateVersion7()));

    /// <summary>A multi-search response (plain or federated) as an endpoint result.</summary>
    public static IResult ToResult(MultiSearchResult result) =>
        new JsonWriterResult(writer => Write(writer, result, Guid.CreateVersion7()));

    /// <summary>Writes one search response; <paramref name="indexUid"/> (multi-search results) comes first when given.</summary>
    public static void Write(Utf8JsonWriter writer, SearchResponse response, Guid requestUid, string? indexUid = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(response);
        writer.WriteStartObject();
        if (indexUid is not null) writer.WriteString("indexUid", indexUid);
        WriteHits(writer, response.Hits);
        writer.WriteString("query", response.Query);
        writer.WriteNumber("processingTimeMs", response.ProcessingTimeMs);
        WritePagination(writer, response.Limit, response.Offset, response.EstimatedTotalHits,
            response.HitsPerPage, response.Page, response.TotalPages, response.TotalHits);
        if (response.FacetDistribution is not null || response.FacetStats is not null)
        {
            WriteFacets(writer, response.FacetDistribution, response.FacetStats, "facetDistribution", "facetStats");
        }

        WriteRequestUid(writer, requestUid);
        writer.WriteEndObject();
    }

    /// <summary>Writes <c>{"results": [...]}</c> or a federated response.</summary>
    public static void Write(Utf8JsonWriter writer, MultiSearchResult result, Guid requestUid)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (result)
        {
            case PlainMultiSearchResult plain:
                writer.WriteStartObject();
                writer.WriteStartArray("results");
                foreach (var item in plain.Results)
                {
                    Write(writer, item.Response, requestUid, item.IndexUid);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
                break;
            case FederatedSearchResult federated:
                WriteFederated(writer, federated, requestUid);
                break;
            default:
                throw new ArgumentException("Unknown multi-search result.", nameof(result));
        }
    }

    private static void WriteFederated(Utf8JsonWriter writer, FederatedSearchResult result, Guid requestUid)
    {
        writer.WriteStartObject();
        WriteHits(writer, result.Hits);
        writer.WriteNumber("processingTimeMs", result.ProcessingTimeMs);
        WritePagination(writer, result.Limit, result.Offset, result.EstimatedTotalHits,
            result.HitsPerPage, result.Page, result.TotalPages, result.TotalHits);
        if (result.MergedFacets is { } merged)
        {
            WriteFacets(writer, merged.Distribution, merged.Stats, "facetDistribution", "facetStats");
        }

        if (result.FacetsByIndex is { Count: > 0 } byIndex)
        {
            writer.WriteStartObject("facetsByIndex");
            foreach (var (index, facets) in byIndex)
            {
                writer.WriteStartObject(index);
                WriteFacets(writer, facets.Distribution, facets.Stats, "distribution", "stats");
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        WriteRequestUid(writer, requestUid);
        writer.WriteEndObject();
    }

    private static void WriteHits(Utf8JsonWriter writer, IReadOnlyList<JsonObject> hits)
    {
        writer.WriteStartArray("hits");
        foreach (var hit in hits)
        {
            hit.WriteTo(writer);
        }

        writer.WriteEndArray();
    }

    private static void WritePagination(Utf8JsonWriter writer, int? limit, int? offset, int? estimatedTotalHits,
        int? hitsPerPage, int? page, int? totalPages, int? totalHits)
    {
        if (hitsPerPage is not null || page is not null)
        {
            writer.WriteNumber("hitsPerPage", hitsPerPage ?? 0);
            writer.WriteNumber("page", page ?? 0);
            writer.WriteNumber("totalPages", totalPages ?? 0);
            writer.WriteNumber("totalHits", totalHits ?? 0);
        }
        else
        {
            writer.WriteNumber("limit", limit ?? 0);
            writer.WriteNumber("offset", offset ?? 0);
            writer.WriteNumber("estimatedTotalHits", estimatedTotalHits ?? 0);
        }
    }

    private static void WriteFacets(Utf8JsonWriter writer,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>>? distribution,
        IReadOnlyDictionary<string, FacetStats>? stats, string distributionName, string statsName)
    {
        writer.WriteStartObject(distributionName);
        foreach (var (facet, values) in distribution ?? new Dictionary<string, IReadOnlyDictionary<string, int>>())
        {
            writer.WriteStartObject(facet);
            foreach (var (value, count) in values)
            {
                writer.WriteNumber(value, count);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();

        // Meilisearch sends facetStats ({} when no facet is numeric) whenever it sends a distribution.
        writer.WriteStartObject(statsName);
        foreach (var (facet, range) in stats ?? new Dictionary<string, FacetStats>())
        {
            writer.WriteStartObject(facet);
            SerdeNumbers.Write(writer, "min", range.Min);
            SerdeNumbers.Write(writer, "max", range.Max);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteRequestUid(Utf8JsonWriter writer, Guid requestUid) =>
        writer.WriteString("requestUid", requestUid.ToString("D", CultureInfo.InvariantCulture));

    /// <summary>Streams a body written with <see cref="Utf8JsonWriter"/>, without building a DOM first.</summary>
    private sealed class JsonWriterResult(Action<Utf8JsonWriter> write) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status200OK;
            httpContext.Response.ContentType = "application/json";
            var body = httpContext.Response.BodyWriter;
            await using (var writer = new Utf8JsonWriter(body, WriterOptions))
            {
                write(writer);
            }

            // The JSON writer only hands its bytes to the pipe; flushing the pipe sends them.
            await body.FlushAsync(httpContext.RequestAborted);
        }
    }

    /// <summary>The response as a string, for tests and logs.</summary>
    internal static string ToJson(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
