namespace Platform.Grains.Tenants;

/// <summary>Lifecycle state of a tenant. Stored by name, so values may be added but never renamed.</summary>
public enum TenantStatus
{
    Active = 0,
    Suspended = 1,
}
