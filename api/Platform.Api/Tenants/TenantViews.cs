using System.Text.Json;
using Platform.Api.Json;
using Platform.Grains.Keys;
using Platform.Grains.Tenants;

namespace Platform.Api.Tenants;

/// <summary>The tenant object of docs/api-reference.md#tenants, in its field order. Limits are all listed; null means unlimited.</summary>
internal sealed record TenantView(
    string Uid,
    string? Name,
    string Status,
    JsonElement? Rules,
    TenantLimitsView Limits,
    string CreatedAt,
    string UpdatedAt)
{
    public static TenantView From(TenantSnapshot tenant) => new(
        tenant.Uid,
        tenant.Name,
        tenant.Status == TenantStatus.Suspended ? "suspended" : "active",
        ApiJson.Parse(tenant.RulesJson),
        TenantLimitsView.From(tenant.Limits),
        Rfc3339.Format(tenant.CreatedAt),
        Rfc3339.Format(tenant.UpdatedAt));
}

internal sealed record TenantLimitsView(
    long? SearchesPerSecond, long? Burst, long? MaxConcurrentSearches, long? SearchesPerMonth, long? MaxDocuments)
{
    public static TenantLimitsView From(TenantLimits l) =>
        new(l.SearchesPerSecond, l.Burst, l.MaxConcurrentSearches, l.SearchesPerMonth, l.MaxDocuments);
}

/// <summary>Meilisearch's key object (docs/api-reference.md#tenant-keys) plus the owning <c>tenant</c>.</summary>
internal sealed record ApiKeyView(
    string? Name,
    string? Description,
    string Key,
    Guid Uid,
    IReadOnlyList<string> Actions,
    IReadOnlyList<string> Indexes,
    string? ExpiresAt,
    string CreatedAt,
    string UpdatedAt,
    string Tenant)
{
    public static ApiKeyView From(ApiKeySnapshot key, string value) => new(
        key.Name, key.Description, value, key.Uid, key.Actions, key.Indexes,
        Rfc3339.Format(key.ExpiresAt), Rfc3339.Format(key.CreatedAt), Rfc3339.Format(key.UpdatedAt), key.Tenant);
}

/// <summary>A page in Meilisearch's <c>{results, offset, limit, total}</c> shape.</summary>
internal sealed record PageView<T>(IReadOnlyList<T> Results, int Offset, int Limit, int Total);
