using System.Text.Json;
using Platform.Api.Errors;
using Platform.Api.Json;
using Platform.Grains.Tenants;
using Platform.Search.Errors;

namespace Platform.Api.Tenants;

/// <summary>Validates tenant creation and update bodies (docs/api-reference.md#tenants) into <see cref="TenantChanges"/>.</summary>
internal static class TenantRequests
{
    private static readonly string[] LimitFields =
        ["searchesPerSecond", "burst", "maxConcurrentSearches", "searchesPerMonth", "maxDocuments"];

    public static (string Uid, TenantChanges Changes) ReadCreation(JsonObjectReader body, string isolationAttribute)
    {
        body.AllowOnly("uid", "name", "rules", "limits");
        var uidValue = body.Required("uid");
        if (uidValue.ValueKind != JsonValueKind.String) throw body.TypeError("uid", uidValue, "a string");
        var uid = uidValue.GetString()!;
        if (!TenantUid.IsValid(uid)) throw body.ValueError("uid", TenantUid.Describe(uid));
        return (uid, ReadChanges(body, isolationAttribute));
    }

    public static TenantChanges ReadUpdate(JsonObjectReader body, string isolationAttribute)
    {
        body.Immutable(["name", "rules", "limits", "status"], "uid", "createdAt", "updatedAt");
        body.AllowOnly("name", "rules", "limits", "status");
        return ReadChanges(body, isolationAttribute);
    }

    private static TenantChanges ReadChanges(JsonObjectReader body, string isolationAttribute)
    {
        var name = body.OptionalString("name", out _);
        string? rules = null;
        var clearRules = false;
        if (body.Body.TryGetProperty("rules", out var rulesValue))
        {
            if (rulesValue.ValueKind == JsonValueKind.Null) clearRules = true;
            else rules = TenantRules.Canonicalize(rulesValue, isolationAttribute);
        }

        TenantLimits? limits = body.Body.TryGetProperty("limits", out var limitsValue) ? ReadLimits(body, limitsValue) : null;
        TenantStatus? status = body.Body.TryGetProperty("status", out var statusValue) ? ReadStatus(body, statusValue) : null;
        return new TenantChanges(name, rules, clearRules, limits, status);
    }

    private static TenantLimits ReadLimits(JsonObjectReader body, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null) return TenantLimits.None;
        if (value.ValueKind != JsonValueKind.Object) throw body.TypeError("limits", value, "an object");
        var limits = new long?[LimitFields.Length];
        foreach (var property in value.EnumerateObject())
        {
            var index = Array.IndexOf(LimitFields, property.Name);
            if (index < 0)
            {
                throw new ApiError(ErrorCodes.InvalidTenantLimits,
                    $"Unknown field `{property.Name}` at `.limits`: expected one of {string.Join(", ", LimitFields.Select(f => $"`{f}`"))}");
            }

            limits[index] = body.OptionalNonNegativeInteger($"limits.{property.Name}", property.Value, "limits");
        }

        return new TenantLimits(limits[0], limits[1], limits[2], limits[3], limits[4]);
    }

    private static TenantStatus ReadStatus(JsonObjectReader body, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String) throw body.TypeError("status", value, "a string");
        return value.GetString() switch
        {
            "active" => TenantStatus.Active,
            "suspended" => TenantStatus.Suspended,
            var other => throw new ApiError(ErrorCodes.InvalidTenantStatus,
                $"Unknown value `{other}` at `.status`: expected one of `active`, `suspended`"),
        };
    }
}
