namespace Platform.Grains.Tenants;

/// <summary>Stored state of a tenant (storage contract: JSON, so only add members, never rename).</summary>
public sealed class TenantState
{
    public bool Exists { get; set; }
    public string? Name { get; set; }
    public TenantStatus Status { get; set; }
    public string? RulesJson { get; set; }
    public TenantLimits Limits { get; set; } = TenantLimits.None;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<Guid> KeyUids { get; set; } = [];
    public List<long> TaskUids { get; set; } = [];
}
