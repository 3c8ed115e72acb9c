namespace Platform.Grains.Tenants;

/// <summary>Per-tenant limits (docs/api-reference.md#tenants). Every limit is optional; null means unlimited.</summary>
[GenerateSerializer, Immutable, Alias("platform.tenant.limits.v1")]
public sealed record TenantLimits(
    [property: Id(0)] long? SearchesPerSecond = null,
    [property: Id(1)] long? Burst = null,
    [property: Id(2)] long? MaxConcurrentSearches = null,
    [property: Id(3)] long? SearchesPerMonth = null,
    [property: Id(4)] long? MaxDocuments = null)
{
    /// <summary>No limit at all.</summary>
    public static readonly TenantLimits None = new();
}
