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

    /// <summary>
    /// Uids of the tenant's tasks from before per-tenant task numbering (the old global sequence), deleted with the
    /// tenant. No longer added to.
    /// </summary>
    public List<long> TaskUids { get; set; } = [];

    /// <summary>Read by nothing any more: the global sequence at creation, from before per-tenant task numbering.</summary>
    public long FirstTaskUid { get; set; }

    /// <summary>This incarnation's task prefix (<see cref="Tasks.TaskUids"/>); 0 until claimed (tenants created before per-tenant numbering).</summary>
    public long TaskPrefix { get; set; }

    /// <summary>The oldest task number still stored; older ones were deleted by retention.</summary>
    public long TaskOldest { get; set; }

    /// <summary>The next task number.</summary>
    public long TaskNext { get; set; }
}
