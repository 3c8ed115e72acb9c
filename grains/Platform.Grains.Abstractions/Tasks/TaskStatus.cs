namespace Platform.Grains.Tasks;

/// <summary>Meilisearch task statuses (docs/tasks.md#the-task-object). Stored by name.</summary>
public enum PlatformTaskStatus
{
    Enqueued = 0,
    Processing = 1,
    Succeeded = 2,
    Failed = 3,
    Canceled = 4,
}
