namespace Platform.Search.Embedded.Storage;

/// <summary>
/// Copies one index's last commit while the index keeps serving reads and writes: the commit is pinned by the
/// writer's <see cref="Lucene.Net.Index.SnapshotDeletionPolicy"/> (its files are write-once, so copying them needs no
/// lock), and released afterwards. Every batch acknowledged before the copy started is in that commit, because a
/// write is committed before it is acknowledged.
/// </summary>
internal static class IndexSnapshot
{
    /// <summary>Copies <paramref name="index"/> into <paramref name="target"/>; false when the index was deleted meanwhile.</summary>
    public static bool CopyTo(LuceneIndex index, string target)
    {
        Lucene.Net.Index.IndexCommit commit;
        lock (index.WriteLock)
        {
            if (index.IsDisposed) return false;
            commit = index.Snapshots.Snapshot();
            Directory.CreateDirectory(Path.Combine(target, "lucene"));
            File.Copy(index.SettingsPath, Path.Combine(target, Path.GetFileName(index.SettingsPath)));
        }

        try
        {
            foreach (var file in commit.FileNames)
            {
                File.Copy(Path.Combine(index.LuceneFolder, file), Path.Combine(target, "lucene", file));
            }

            return true;
        }
        catch (IOException) when (index.IsDisposed)
        {
            // Deleted while being copied: the backup holds no half index.
            if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
            return false;
        }
        finally
        {
            lock (index.WriteLock)
            {
                if (!index.IsDisposed)
                {
                    index.Snapshots.Release(commit);
                    index.Writer.DeleteUnusedFiles();
                }
            }
        }
    }
}
