using System.Collections.Concurrent;
using Platform.Search.Engine;

namespace Platform.Search.Embedded.Storage;

/// <summary>
/// The open logical indexes under <c>{DataRoot}/indexes</c>: created, opened from disk on first use, deleted, and
/// their settings replaced. Creation and deletion are serialised by one lifecycle lock; a settings change takes the
/// index's write lock, so it never interleaves with a batch.
/// </summary>
internal sealed class IndexRegistry : IDisposable
{
    /// <summary>The longest logical index uid Meilisearch accepts.</summary>
    private const int MaxUidLength = 400;

    private readonly string _root;
    private readonly ConcurrentDictionary<string, LuceneIndex> _indexes = new(StringComparer.Ordinal);
    private readonly Lock _lifecycle = new();
    private volatile bool _disposed;

    public IndexRegistry(string dataRoot)
    {
        _root = Path.Combine(Path.GetFullPath(dataRoot), "indexes");
        Directory.CreateDirectory(_root);
    }

    /// <summary>Throws once the engine is disposed; the exception names the engine, as callers see it.</summary>
    public void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, typeof(LuceneSearchEngine));

    /// <summary>Refuses what Meilisearch refuses: 1–400 characters of <c>[a-zA-Z0-9_-]</c>.</summary>
    public static void ValidateUid(string uid)
    {
        ArgumentNullException.ThrowIfNull(uid);
        if (uid.Length == 0 || uid.Length > MaxUidLength || !uid.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw SearchEngineErrors.InvalidIndexUid(uid);
        }
    }

    public IndexInfo Create(string uid, string? primaryKey)
    {
        ValidateUid(uid);
        lock (_lifecycle)
        {
            if (TryGet(uid) is not null)
            {
                throw SearchEngineErrors.IndexAlreadyExists(uid);
            }

            _indexes[uid] = LuceneIndex.Create(uid, Folder(uid), new IndexSettings { PrimaryKey = primaryKey });
            return new IndexInfo(uid, primaryKey);
        }
    }

    public bool Delete(string uid)
    {
        ValidateUid(uid);
        lock (_lifecycle)
        {
            var index = TryGet(uid);
            if (index is null)
            {
                return false;
            }

            lock (index.WriteLock)
            {
                _indexes.TryRemove(uid, out _);
                index.Dispose();
                index.DeleteFiles();
            }

            return true;
        }
    }

    /// <summary>Replaces the settings; the primary key can change only while the index holds no document.</summary>
    public IndexSettings UpdateSettings(string uid, IndexSettings settings)
    {
        var lists = new[] { settings.FilterableAttributes, settings.SortableAttributes, settings.SearchableAttributes, settings.DisplayedAttributes };
        if (lists.Any(l => l.Contains(SearchEngineErrors.TenantAttribute)) || settings.DistinctAttribute == SearchEngineErrors.TenantAttribute
            || settings.PrimaryKey == SearchEngineErrors.TenantAttribute)
        {
            throw SearchEngineErrors.ReservedAttribute("settings");
        }

        var index = Require(uid);
        lock (index.WriteLock)
        {
            var current = index.Settings;
            var primaryKey = settings.PrimaryKey ?? current.PrimaryKey;
            if (current.PrimaryKey is not null && primaryKey != current.PrimaryKey && index.Read(s => s.IndexReader.NumDocs) > 0)
            {
                throw SearchEngineErrors.PrimaryKeyAlreadyPresent(uid, current.PrimaryKey);
            }

            var updated = settings with { PrimaryKey = primaryKey };
            index.SaveSettings(updated);
            return updated;
        }
    }

    /// <summary>The index, or <c>index_not_found</c>.</summary>
    public LuceneIndex Require(string uid)
    {
        ThrowIfDisposed();
        ValidateUid(uid);
        return TryGet(uid) ?? throw SearchEngineErrors.IndexNotFound(uid);
    }

    /// <summary>The index, created without settings when absent (a first document write creates it).</summary>
    public LuceneIndex GetOrCreate(string uid)
    {
        lock (_lifecycle)
        {
            var index = TryGet(uid);
            if (index is null)
            {
                index = LuceneIndex.Create(uid, Folder(uid), new IndexSettings());
                _indexes[uid] = index;
            }

            return index;
        }
    }

    public void Dispose()
    {
        lock (_lifecycle)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var index in _indexes.Values)
            {
                lock (index.WriteLock)
                {
                    index.Dispose();
                }
            }

            _indexes.Clear();
        }
    }

    /// <summary>
    /// Copies every index's last commit into <c>{targetRoot}/indexes/{uid}</c> while the engine keeps running
    /// (<see cref="IndexSnapshot"/>) and returns the uids copied. An index deleted during the copy is left out.
    /// </summary>
    public IReadOnlyList<string> SnapshotTo(string targetRoot)
    {
        ThrowIfDisposed();
        var copied = new List<string>();
        var uids = Directory.EnumerateDirectories(_root).Select(Path.GetFileName).OfType<string>()
            .Where(uid => uid.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')).Order(StringComparer.Ordinal).ToList();
        foreach (var uid in uids)
        {
            if (TryGet(uid) is { } index && IndexSnapshot.CopyTo(index, Path.Combine(targetRoot, "indexes", uid)))
            {
                copied.Add(uid);
            }
        }

        return copied;
    }

    private string Folder(string uid) => Path.Combine(_root, uid);

    private LuceneIndex? TryGet(string uid)
    {
        if (_indexes.TryGetValue(uid, out var index))
        {
            return index;
        }

        lock (_lifecycle)
        {
            if (_indexes.TryGetValue(uid, out index))
            {
                return index;
            }

            if (!LuceneIndex.ExistsOnDisk(Folder(uid)))
            {
                return null;
            }

            index = LuceneIndex.Open(uid, Folder(uid));
            _indexes[uid] = index;
            return index;
        }
    }
}
