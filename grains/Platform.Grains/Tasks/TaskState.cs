namespace Platform.Grains.Tasks;

/// <summary>Stored state of a task (storage contract: JSON).</summary>
public sealed class TaskState
{
    public TaskRecord? Task { get; set; }
}

/// <summary>Stored state of the task sequence (storage contract: JSON).</summary>
public sealed class TaskSequenceState
{
    public long Next { get; set; }
}
