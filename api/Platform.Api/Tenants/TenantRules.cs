using System.Text.Json;
using Platform.Api.Errors;
using Platform.Search.Errors;
using Platform.Search.Rules;

namespace Platform.Api.Tenants;

/// <summary>
/// Validates tenant rules (the shape of a token's <c>searchRules</c>, docs/rules-and-filters.md#tenant-rules) and returns their canonical JSON,
/// so equal rules are stored as equal bytes.
/// </summary>
internal static class TenantRules
{
    public static string Canonicalize(JsonElement rules, string isolationAttribute)
    {
        if (!SearchRules.TryParse(rules, out var parsed, out var error))
        {
            throw new ApiError(ErrorCodes.InvalidSearchRules, $"Invalid search rules: {error}.");
        }

        if (SearchRulesValidation.Validate(parsed, isolationAttribute) is { } failure)
        {
            throw new ApiError(failure.Code, failure.Message);
        }

        return parsed.ToCanonicalJson();
    }
}
