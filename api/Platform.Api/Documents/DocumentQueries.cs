using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Platform.Api.Errors;
using Platform.Api.Json;
using Platform.Search.Engine;
using Platform.Search.Errors;
using Platform.Search.Filters;

namespace Platform.Api.Documents;

/// <summary>Reads <c>GET /documents</c> query strings and <c>POST /documents/fetch</c> bodies into a query.</summary>
internal static class DocumentQueries
{
    private static readonly string[] Parameters = ["offset", "limit", "fields", "filter"];

    public static DocumentsQuery FromQueryString(HttpRequest request)
    {
        foreach (var key in request.Query.Keys)
        {
            if (Array.IndexOf(Parameters, key) < 0)
            {
                throw ApiError.BadRequest($"Unknown parameter `{key}`: expected one of {string.Join(", ", Parameters.Select(p => $"`{p}`"))}");
            }
        }

        var filter = request.Query["filter"] is { Count: > 0 } raw ? raw[0] : null;
        return new DocumentsQuery
        {
            Offset = Integer(request, "offset") ?? 0,
            Limit = Integer(request, "limit") ?? 20,
            Fields = request.Query["fields"] is { Count: > 0 } fields
                ? fields[0]!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : null,
            Filter = filter is null ? null : ParseFilter(() => FilterParser.Parse(filter)),
        };
    }

    public static DocumentsQuery FromBody(JsonObjectReader body)
    {
        body.AllowOnly("offset", "limit", "fields", "filter");
        var query = new DocumentsQuery();
        if (body.Body.TryGetProperty("offset", out var offset))
        {
            query = query with { Offset = (int)(body.OptionalNonNegativeInteger("offset", offset) ?? 0) };
        }

        if (body.Body.TryGetProperty("limit", out var limit))
        {
            query = query with { Limit = (int)(body.OptionalNonNegativeInteger("limit", limit) ?? 20) };
        }

        if (body.Body.TryGetProperty("fields", out var fields) && fields.ValueKind != JsonValueKind.Null)
        {
            query = query with { Fields = body.StringArray("fields", fields) };
        }

        if (body.Body.TryGetProperty("filter", out var filter))
        {
            query = query with { Filter = ParseFilter(() => FilterJson.Parse(filter)) };
        }

        return query;
    }

    /// <summary>Filter errors on document routes carry <c>invalid_document_filter</c>, as in Meilisearch.</summary>
    public static FilterExpression? ParseFilter(Func<FilterExpression?> parse)
    {
        try
        {
            return parse();
        }
        catch (FilterParseException e)
        {
            throw new ApiError(ErrorCodes.InvalidDocumentFilter, e.Message);
        }
    }

    private static int? Integer(HttpRequest request, string name)
    {
        if (request.Query[name] is not { Count: > 0 } raw) return null;
        return int.TryParse(raw[0], NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ApiError($"invalid_document_{name}",
                $"Invalid value in parameter `{name}`: could not parse `{raw[0]}` as a positive integer");
    }
}
