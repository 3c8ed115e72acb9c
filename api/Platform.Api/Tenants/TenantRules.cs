using System.Text.Json;
using Platform.Api.Errors;

namespace Platform.Api.Tenants;

/// <summary>
/// Validates tenant rules (the shape of a token's <c>searchRules</c>) and returns their canonical JSON.
/// REVIEW: shape check only until the search-rules model and filter parser land from their branches.
/// </summary>
public static class TenantRules
{
    public static string Canonicalize(JsonElement rules)
    {
        var valid = rules.ValueKind switch
        {
            JsonValueKind.Array => rules.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String),
            JsonValueKind.Object => rules.EnumerateObject().All(p => p.Value.ValueKind is JsonValueKind.Null or JsonValueKind.Object),
            _ => false,
        };
        if (!valid)
        {
            throw new ApiError("invalid_search_rules",
                "Invalid search rules: data did not match any variant of untagged enum SearchRules.");
        }

        return JsonSerializer.Serialize(rules);
    }
}
