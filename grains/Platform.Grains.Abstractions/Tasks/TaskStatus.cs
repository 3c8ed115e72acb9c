namespace Platform.Grains.Tasks;

/// <summary>Meilisearch task statuses (compat §6.2). Stored by name.</summary>
public enum PlatformTaskStatus
{
    Enqueued = 0,
    Processing = 1,
    Succeeded = 2,
    Failed = 3,
    Canceled = 4,
}
