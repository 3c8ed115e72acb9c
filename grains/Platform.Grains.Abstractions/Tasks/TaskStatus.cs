namespace Platform.Grains.Tasks;

/// <summary>Meilisearch task statuses (docs/tasks.md#the-task-object). Stored by name.</summary>
public enum PlatformTaskStatus
{
    /// <summary>Accepted, not started.</summary>
    Enqueued = 0,
    /// <summary>Running.</summary>
    Processing = 1,
    /// <summary>Finished without error.</summary>
    Succeeded = 2,
    /// <summary>Finished with an error, which the task carries.</summary>
    Failed = 3,
    /// <summary>Cancelled before it finished (Meilisearch's status; the platform does not cancel tasks yet).</summary>
    Canceled = 4,
}
