namespace Platform.Grains.Tenants;

/// <summary>
/// An immutable view of one tenant. <see cref="RulesJson"/> is the canonical JSON of the tenant's search rules
/// (the shape of a token's <c>searchRules</c>), or null when the tenant may use every index without extra filter.
/// </summary>
[GenerateSerializer, Immutable, Alias("platform.tenant.snapshot.v1")]
public sealed record TenantSnapshot(
    [property: Id(0)] string Uid,
    [property: Id(1)] string? Name,
    [property: Id(2)] TenantStatus Status,
    [property: Id(3)] string? RulesJson,
    [property: Id(4)] TenantLimits Limits,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] DateTimeOffset UpdatedAt,
    [property: Id(7)] IReadOnlyList<Guid> KeyUids);
