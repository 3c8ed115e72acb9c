namespace Platform.Grains.Tenants;

/// <summary>Lifecycle state of a tenant. Stored by name, so values may be added but never renamed.</summary>
public enum TenantStatus
{
    /// <summary>Its keys and tokens work.</summary>
    Active = 0,
    /// <summary>Every call by its keys or tokens is refused with <c>tenant_suspended</c>.</summary>
    Suspended = 1,
}
