namespace Platform.Grains.Tasks;

/// <summary>Stored state of a task (storage contract: JSON).</summary>
public sealed class TaskState
{
    public TaskRecord? Task { get; set; }
}

/// <summary>Stored state of the operator's task sequence (storage contract: JSON, so only add members).</summary>
public sealed class TaskSequenceState
{
    public long Next { get; set; }

    /// <summary>The oldest operator task still stored; older ones were deleted by retention.</summary>
    public long Oldest { get; set; }
}

/// <summary>Stored state of the task-prefix directory (storage contract: JSON).</summary>
public sealed class TaskPrefixDirectoryState
{
    /// <summary>Claimed prefixes and their tenants.</summary>
    public SortedDictionary<long, string> Owners { get; set; } = [];

    /// <summary>Released prefixes and the next number a later owner starts at.</summary>
    public Dictionary<long, long> Released { get; set; } = [];
}
