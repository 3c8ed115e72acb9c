using Platform.Search.Errors;

namespace Platform.Api.Errors;

/// <summary>
/// An error that reaches a client in Meilisearch's shape <c>{message, code, type, link}</c> (docs/errors.md).
/// Throwing it anywhere in a request ends the request with that answer; nothing else is written.
/// </summary>
internal sealed class ApiError(string code, string message) : Exception(message)
{
    public string Code { get; } = code;

    /// <summary>Seconds a client should wait before retrying (<c>Retry-After</c>), when the error says so.</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>
    /// The HTTP status when it is not the one <see cref="ErrorCatalog"/> gives the code. Meilisearch answers the same
    /// code with another status in a few places, e.g. <c>index_not_found</c> is 400 inside <c>/multi-search</c>.
    /// </summary>
    public int? HttpStatus { get; init; }

    public static ApiError MissingAuthorizationHeader() => new(ErrorCodes.MissingAuthorizationHeader,
        "The Authorization header is missing. It must use the bearer authorization method.");

    public static ApiError InvalidApiKey() => new(ErrorCodes.InvalidApiKey, "The provided API key is invalid.");

    public static ApiError BadRequest(string message) => new(ErrorCodes.BadRequest, message);

    public static ApiError MalformedPayload(string message) => new(ErrorCodes.MalformedPayload, message);

    public static ApiError NotFound(string code, string message) => new(code, message);
}
