using System.Collections.Frozen;

namespace Platform.Search.Errors;

/// <summary>
/// The one table from an error code to its HTTP status and error type, and the rule for its documentation link, as
/// in Meilisearch's error-code reference. Codes not listed are <c>invalid_request</c> errors with status 400, which
/// is what Meilisearch does for its many <c>invalid_*</c>/<c>missing_*</c>/<c>immutable_*</c> codes.
/// </summary>
public static class ErrorCatalog
{
    /// <summary>Meilisearch's link for a code is this prefix followed by the code.</summary>
    public const string LinkPrefix = "https://docs.meilisearch.com/errors#";

    private static readonly FrozenDictionary<string, (int Status, string Type)> Known = new Dictionary<string, (int, string)>
    {
        [ErrorCodes.InvalidApiKey] = (403, ErrorTypes.Auth),
        [ErrorCodes.MissingAuthorizationHeader] = (401, ErrorTypes.Auth),
        [ErrorCodes.MissingMasterKey] = (401, ErrorTypes.Auth),
        [ErrorCodes.TenantSuspended] = (403, ErrorTypes.Auth),
        [ErrorCodes.TokenRevoked] = (403, ErrorTypes.Auth),
        [ErrorCodes.TooManyFailedAuthentications] = (429, ErrorTypes.Auth),
        [ErrorCodes.NotFound] = (404, ErrorTypes.InvalidRequest),
        [ErrorCodes.MethodNotAllowed] = (405, ErrorTypes.InvalidRequest),
        [ErrorCodes.IndexNotFound] = (404, ErrorTypes.InvalidRequest),
        [ErrorCodes.TaskNotFound] = (404, ErrorTypes.InvalidRequest),
        [ErrorCodes.DocumentNotFound] = (404, ErrorTypes.InvalidRequest),
        [ErrorCodes.ApiKeyNotFound] = (404, ErrorTypes.InvalidRequest),
        [ErrorCodes.TenantNotFound] = (404, ErrorTypes.InvalidRequest),
        [ErrorCodes.IndexAlreadyExists] = (409, ErrorTypes.InvalidRequest),
        [ErrorCodes.ApiKeyAlreadyExists] = (409, ErrorTypes.InvalidRequest),
        [ErrorCodes.TenantAlreadyExists] = (409, ErrorTypes.InvalidRequest),
        [ErrorCodes.PayloadTooLarge] = (413, ErrorTypes.InvalidRequest),
        [ErrorCodes.MissingContentType] = (415, ErrorTypes.InvalidRequest),
        [ErrorCodes.InvalidContentType] = (415, ErrorTypes.InvalidRequest),
        [ErrorCodes.RateLimitExceeded] = (429, ErrorTypes.System),
        [ErrorCodes.QuotaExceeded] = (429, ErrorTypes.System),
        [ErrorCodes.TooManySearchRequests] = (503, ErrorTypes.System),
        [ErrorCodes.SearchBudgetExceeded] = (503, ErrorTypes.System),
        [ErrorCodes.SearchResponseTooLarge] = (413, ErrorTypes.InvalidRequest),
        [ErrorCodes.ServiceUnavailable] = (503, ErrorTypes.System),
        [ErrorCodes.Internal] = (500, ErrorTypes.Internal),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The HTTP status and error type of <paramref name="code"/>.</summary>
    public static (int Status, string Type) Describe(string code) =>
        Known.TryGetValue(code, out var known) ? known : (400, ErrorTypes.InvalidRequest);

    /// <summary>The status and type of a code the table lists; false for the codes that default by their type.</summary>
    public static bool TryDescribe(string code, out (int Status, string Type) description) =>
        Known.TryGetValue(code, out description);

    /// <summary>The documentation link Meilisearch puts in the error body.</summary>
    public static string Link(string code) => LinkPrefix + code;
}
