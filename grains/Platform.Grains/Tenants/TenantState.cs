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

    /// <summary>
    /// The first task uid this incarnation of the tenant can own (the task sequence at its creation). Tasks below it
    /// belong to a deleted tenant of the same uid and are never shown to this one. 0 for tenants created before.
    /// </summary>
    public long FirstTaskUid { get; set; }
}
