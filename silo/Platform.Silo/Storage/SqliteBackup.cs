using Microsoft.Data.Sqlite;

namespace Platform.Silo.Storage;

/// <summary>
/// Copies the SQLite grain store with SQLite's online backup API: a consistent copy of the database as of one
/// transaction, taken while the silo keeps reading and writing (WAL journal: writers are not blocked).
/// </summary>
internal static class SqliteBackup
{
    /// <summary>Copies the store; false when there is none yet (nothing was ever stored, so there is nothing to copy).</summary>
    public static bool Copy(string databasePath, string targetPath)
    {
        if (!File.Exists(databasePath)) return false;
        // No pooling: both files are closed when this returns, so the copy can be moved or archived at once.
        using var source = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        using var target = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = targetPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        source.Open();
        target.Open();
        source.BackupDatabase(target);
        return true;
    }
}
