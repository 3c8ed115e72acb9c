namespace Platform.Api.Backups;

/// <summary>
/// Takes an online backup of the running process's data folder. The host registers it only where one process owns
/// its state (SQLite and the embedded engine); a clustered platform is backed up in Redis and Meilisearch
/// (docs/operations.md#backup-and-restore).
/// </summary>
public interface IBackupService
{
    /// <summary>Writes a complete data folder to a new folder and says where.</summary>
    Task<BackupResult> CreateAsync(CancellationToken cancellationToken);
}

/// <summary>A finished backup: its folder (a complete data folder), what it holds, when it started and finished.</summary>
public sealed record BackupResult(string Path, IReadOnlyList<string> Indexes, bool EngineIncluded, DateTimeOffset StartedAt, DateTimeOffset FinishedAt);
