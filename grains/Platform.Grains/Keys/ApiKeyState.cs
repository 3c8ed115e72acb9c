namespace Platform.Grains.Keys;

/// <summary>Stored state of an API key (storage contract: JSON, so only add members, never rename). Holds no secret.</summary>
public sealed class ApiKeyState
{
    public ApiKeySnapshot? Key { get; set; }

    /// <summary>
    /// When the key was deleted: the uid is a tombstone from then on. Key values are derived from the uid, so a uid
    /// used again (by any tenant) would bring the deleted key and every token it signed back to life.
    /// </summary>
    public DateTimeOffset? DeletedAt { get; set; }
}
