using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Platform.Api.Errors;
using Platform.Api.Json;

namespace Platform.Api.Search;

/// <summary>
/// Reads a single-index search request (docs/api-reference.md#search-with-post) into the engine's request, with Meilisearch's codes and
/// messages. Page mode is on exactly when <c>page</c> or <c>hitsPerPage</c> is given (and not null).
/// </summary>
internal static class SearchQueryReader
{
    /// <summary>Reads a <c>POST /indexes/{uid}/search</c> body (as returned by <see cref="JsonBody.ReadAsync"/>).</summary>
    /// <exception cref="ApiError">A non-object body or an unknown field (<c>bad_request</c>), a wrong type or value
    /// (the field's <c>invalid_search_*</c> code), an unsupported feature, or an invalid filter.</exception>
    public static ParsedSearchQuery Read(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw ApiError.BadRequest(
                $"Invalid value type: expected an object, but found {JsonDescriptions.Kind(body)}: `{JsonDescriptions.Compact(body)}`");
        }

        var fields = new SearchBodyFields(body, location: "", nullablePagination: false);
        foreach (var property in body.EnumerateObject())
        {
            if (!fields.TryRead(property))
            {
                throw JsonObjectReader.UnknownField(property.Name, SearchParameters.Body);
            }
        }

        return new ParsedSearchQuery(fields.Request with { Filter = fields.ParseFilter() });
    }

    /// <summary>
    /// Reads the query string of <c>GET /indexes/{uid}/search</c>: lists are comma-separated, booleans are
    /// <c>true</c>/<c>false</c>, and <c>filter</c> is a string. As in Meilisearch, a filter that happens to be valid
    /// JSON (e.g. <c>["a = 1"]</c>) is read as that JSON value.
    /// </summary>
    /// <exception cref="ApiError">An unknown parameter (<c>bad_request</c>) or a value that does not parse.</exception>
    public static ParsedSearchQuery ReadQueryString(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return SearchQueryString.Read(query);
    }
}
