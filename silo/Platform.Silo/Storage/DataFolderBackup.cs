using System.Globalization;
using Microsoft.Extensions.Options;
using Platform.Api.Backups;
using Platform.Search.Embedded;
using Platform.Search.Engine;
using Platform.Silo.Hosting;

namespace Platform.Silo.Storage;

/// <summary>
/// The online backup of a single-process data folder (docs/operations.md#backup-and-restore): into
/// <c>{DataPath}/backups/{timestamp}</c>, first the SQLite grain store (online backup API), then the embedded
/// engine's indexes (each index's last commit), then the development master key if there is one. The result is a
/// complete data folder: restore by stopping the platform and starting it on that folder.
/// </summary>
/// <remarks>
/// Every write acknowledged before the backup started is in it: grain state is committed before a call returns, and
/// a document batch is committed in the engine before its task is stored. The store is copied first, so the indexes
/// may also hold documents written during the backup; their tasks are then missing from the copy, which is harmless.
/// One backup runs at a time.
/// </remarks>
internal sealed class DataFolderBackup(IOptions<PlatformOptions> options, ISearchEngine engine, TimeProvider time) : IBackupService
{
    public const string BackupsFolder = "backups";

    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public async Task<BackupResult> CreateAsync(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            return await Task.Run(Create, cancellationToken);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private BackupResult Create()
    {
        var dataPath = Path.GetFullPath(options.Value.DataPath);
        var started = time.GetUtcNow();
        var target = NewFolder(Path.Combine(dataPath, BackupsFolder), started);
        SqliteBackup.Copy(Path.Combine(dataPath, PlatformOrleansExtensions.DatabaseFileName),
            Path.Combine(target, PlatformOrleansExtensions.DatabaseFileName));
        IReadOnlyList<string> indexes = engine is LuceneSearchEngine lucene ? lucene.SnapshotIndexesTo(target) : [];
        var masterKey = Path.Combine(dataPath, MasterKeyStore.FileName);
        if (File.Exists(masterKey)) File.Copy(masterKey, Path.Combine(target, MasterKeyStore.FileName));
        return new BackupResult(target, indexes, engine is LuceneSearchEngine, started, time.GetUtcNow());
    }

    /// <summary>A new folder named by the start time (UTC, sortable); a suffix when that name is taken.</summary>
    private static string NewFolder(string root, DateTimeOffset started)
    {
        var name = started.UtcDateTime.ToString("yyyyMMdd'T'HHmmss.fff'Z'", CultureInfo.InvariantCulture);
        var path = Path.Combine(root, name);
        for (var n = 2; Directory.Exists(path); n++) path = Path.Combine(root, $"{name}-{n}");
        Directory.CreateDirectory(path);
        return path;
    }
}
