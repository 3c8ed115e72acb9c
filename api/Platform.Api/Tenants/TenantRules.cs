using System.Text.Json;
using Platform.Api.Errors;
using Platform.Search.Errors;
using Platform.Search.Rules;

namespace Platform.Api.Tenants;

/// <summary>
/// Validates tenant rules (the shape of a token's <c>searchRules</c>, docs/rules-and-filters.md#tenant-rules) and returns their canonical JSON,
/// so equal rules are stored as equal bytes. Rules longer than <see cref="MaxBytes"/> are refused: they are kept in
/// caches and copied into every token and every query they restrict (docs/limits.md#tokens).
/// </summary>
internal static class TenantRules
{
    /// <summary>Longest rules (tenant rules, or a mint request's <c>searchRules</c>) accepted, in characters of JSON.</summary>
    public const int MaxBytes = 16 * 1024;

    public static string Canonicalize(JsonElement rules, string isolationAttribute)
    {
        EnsureWithinLimit(rules.GetRawText());
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

    /// <exception cref="ApiError"><c>invalid_search_rules</c> when <paramref name="rulesJson"/> is over <see cref="MaxBytes"/>.</exception>
    public static string EnsureWithinLimit(string rulesJson)
    {
        ArgumentNullException.ThrowIfNull(rulesJson);
        return rulesJson.Length <= MaxBytes
            ? rulesJson
            : throw new ApiError(ErrorCodes.InvalidSearchRules, $"Invalid search rules: they are {rulesJson.Length} characters long; at most {MaxBytes} are allowed.");
    }
}
