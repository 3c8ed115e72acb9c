namespace Platform.Grains.Tenants;

/// <summary>
/// A validated creation or update of a tenant. For updates, a null member means "leave unchanged";
/// <see cref="ClearRules"/> distinguishes "remove the rules" from "leave them".
/// </summary>
[GenerateSerializer, Immutable, Alias("platform.tenant.changes.v1")]
public sealed record TenantChanges(
    [property: Id(0)] string? Name = null,
    [property: Id(1)] string? RulesJson = null,
    [property: Id(2)] bool ClearRules = false,
    [property: Id(3)] TenantLimits? Limits = null,
    [property: Id(4)] TenantStatus? Status = null);
