namespace Platform.Grains.Tasks;

/// <summary>One grain per task, keyed by the task uid. Holds the task record.</summary>
[Alias("platform.task.v1")]
public interface ITaskGrain : IGrainWithIntegerKey
{
    /// <summary>The task, or null when no task has this uid. Read-only.</summary>
    [ReadOnly, Alias("get")]
    Task<TaskRecord?> Get();

    /// <summary>Stores the record (its uid must be this grain's key). Idempotent.</summary>
    [Alias("save")]
    Task Save(TaskRecord record);

    /// <summary>Deletes the record (retention, or its tenant was deleted). Idempotent.</summary>
    [Alias("delete")]
    Task Delete();
}
