using System.Collections.Frozen;

namespace Platform.Api.Errors;

/// <summary>
/// Maps an error code to its HTTP status and error type (compat §5.5, api.md §3). Codes not listed are
/// <c>invalid_request</c> errors with status 400, which is what Meilisearch does for its many
/// <c>invalid_*</c>/<c>missing_*</c>/<c>immutable_*</c> codes.
/// </summary>
public static class ErrorCatalog
{
    public const string LinkPrefix = "https://docs.meilisearch.com/errors#";

    private static readonly FrozenDictionary<string, (int Status, string Type)> Known = new Dictionary<string, (int, string)>
    {
        ["invalid_api_key"] = (403, "auth"),
        ["missing_authorization_header"] = (401, "auth"),
        ["missing_master_key"] = (401, "auth"),
        ["tenant_suspended"] = (403, "auth"),
        ["token_revoked"] = (403, "auth"),
        ["not_found"] = (404, "invalid_request"),
        ["method_not_allowed"] = (405, "invalid_request"),
        ["index_not_found"] = (404, "invalid_request"),
        ["task_not_found"] = (404, "invalid_request"),
        ["document_not_found"] = (404, "invalid_request"),
        ["api_key_not_found"] = (404, "invalid_request"),
        ["tenant_not_found"] = (404, "invalid_request"),
        ["index_already_exists"] = (409, "invalid_request"),
        ["api_key_already_exists"] = (409, "invalid_request"),
        ["tenant_already_exists"] = (409, "invalid_request"),
        ["payload_too_large"] = (413, "invalid_request"),
        ["missing_content_type"] = (415, "invalid_request"),
        ["invalid_content_type"] = (415, "invalid_request"),
        ["rate_limit_exceeded"] = (429, "system"),
        ["quota_exceeded"] = (429, "system"),
        ["too_many_search_requests"] = (503, "system"),
        ["service_unavailable"] = (503, "system"),
        ["internal"] = (500, "internal"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static (int Status, string Type) Describe(string code) =>
        Known.TryGetValue(code, out var known) ? known : (400, "invalid_request");
}
