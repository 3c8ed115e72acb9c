using Platform.Api.Errors;
using Platform.Search.Engine;
using Platform.Search.Errors;
using Platform.Search.Filters;

namespace Platform.Api.Search;

/// <summary>
/// Turns the search layer's failures into client answers: engine and filter errors keep Meilisearch's code and
/// message, and inside <c>/multi-search</c> every error is prefixed with the query it came from.
/// </summary>
internal static class SearchErrors
{
    /// <summary>The engine's error with its code and message; the status follows the code (<see cref="ErrorCatalog"/>).</summary>
    public static ApiError ToApiError(SearchEngineException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new ApiError(exception.Code, exception.Message);
    }

    /// <summary>A filter the parser refused, as 400 <c>invalid_search_filter</c>.</summary>
    public static ApiError ToApiError(FilterParseException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new ApiError(FilterParseException.ErrorCode, exception.Message);
    }

    /// <summary>
    /// The error of query <paramref name="queryIndex"/> of a multi-search, or null when <paramref name="exception"/>
    /// is not a client-facing error (timeouts and the like are left to the global handler). The code is kept; the
    /// message gains <c>Inside `.queries[i]`: </c>; <c>index_not_found</c> becomes 400, as Meilisearch answers it there.
    /// </summary>
    public static ApiError? ForQuery(int queryIndex, Exception exception)
    {
        var error = exception switch
        {
            ApiError api => api,
            SearchEngineException engine => ToApiError(engine),
            FilterParseException filter => ToApiError(filter),
            Grains.Errors.PlatformException platform => new ApiError(platform.Code, platform.Message),
            _ => null,
        };

        if (error is null)
        {
            return null;
        }

        return new ApiError(error.Code, $"Inside `.queries[{queryIndex}]`: {error.Message}")
        {
            RetryAfterSeconds = error.RetryAfterSeconds,
            HttpStatus = error.Code == ErrorCodes.IndexNotFound ? 400 : error.HttpStatus,
        };
    }
}
