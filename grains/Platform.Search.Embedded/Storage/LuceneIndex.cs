using System.Collections.Concurrent;
using System.Text.Json;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Platform.Search.Embedded.Analysis;
using Platform.Search.Engine;

namespace Platform.Search.Embedded.Storage;

/// <summary>
/// One logical index on disk: a Lucene directory plus <c>settings.json</c>. Writes are serialised by
/// <see cref="WriteLock"/>, committed for durability, then the near-real-time searcher is refreshed, so readers
/// run concurrently with writers and always see whole batches.
/// </summary>
internal sealed class LuceneIndex : IDisposable
{
    private const string SettingsFile = "settings.json";
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    private readonly FSDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly ConcurrentDictionary<string, Filter> _tenantFilters = new(StringComparer.Ordinal);
    private readonly string _folder;
    private volatile IndexSettings _settings;

    private LuceneIndex(string uid, string folder, IndexSettings settings)
    {
        Uid = uid;
        _folder = folder;
        _settings = settings;
        _directory = FSDirectory.Open(new DirectoryInfo(LuceneFolder));
        var config = new IndexWriterConfig(TextAnalyzer.Version, TextAnalyzer.Instance)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            // Log merges keep segments in insertion order, so doc ids follow insertion order (placeholder ranking).
            MergePolicy = new LogByteSizeMergePolicy(),
            // Keeps a commit's files while a backup copies them (IndexSnapshot), without holding up writes.
            IndexDeletionPolicy = new SnapshotDeletionPolicy(new KeepOnlyLastCommitDeletionPolicy()),
        };
        _writer = new IndexWriter(_directory, config);
        // The writer works on a clone of the config: the policy to snapshot with is the writer's own.
        Snapshots = (SnapshotDeletionPolicy)_writer.Config.IndexDeletionPolicy;
        _searchers = new SearcherManager(_writer, true, null);
    }

    public string Uid { get; }

    public IndexSettings Settings => _settings;

    public System.Threading.Lock WriteLock { get; } = new();

    public IndexWriter Writer => _writer;

    /// <summary>The writer's deletion policy, which pins a commit's files while a backup copies them.</summary>
    public SnapshotDeletionPolicy Snapshots { get; }

    /// <summary>The Lucene files' folder.</summary>
    public string LuceneFolder => Path.Combine(_folder, "lucene");

    /// <summary>The settings file, written atomically (so a copy sees either the old or the new settings).</summary>
    public string SettingsPath => Path.Combine(_folder, SettingsFile);

    /// <summary>True once disposed (the index was deleted or the engine stopped).</summary>
    public bool IsDisposed { get; private set; }

    public static bool ExistsOnDisk(string folder) => File.Exists(Path.Combine(folder, SettingsFile));

    public static LuceneIndex Open(string uid, string folder)
    {
        var settings = JsonSerializer.Deserialize<IndexSettings>(File.ReadAllText(Path.Combine(folder, SettingsFile)), JsonOptions)
            ?? new IndexSettings();
        return new LuceneIndex(uid, folder, settings);
    }

    public static LuceneIndex Create(string uid, string folder, IndexSettings settings)
    {
        System.IO.Directory.CreateDirectory(folder);
        var index = new LuceneIndex(uid, folder, settings);
        index.SaveSettings(settings);
        index._writer.Commit();
        return index;
    }

    /// <summary>Persists settings atomically (write then rename).</summary>
    public void SaveSettings(IndexSettings settings)
    {
        var path = Path.Combine(_folder, SettingsFile);
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(settings, JsonOptions));
        File.Move(temp, path, overwrite: true);
        _settings = settings;
    }

    /// <summary>The cached per-tenant filter every read goes through; cached per segment by Lucene.</summary>
    public Filter TenantFilter(string tenant) =>
        _tenantFilters.GetOrAdd(tenant, t => new CachingWrapperFilter(new QueryWrapperFilter(new TermQuery(new Term(FieldNames.Tenant, t)))));

    /// <summary>Restricts <paramref name="query"/> to the tenant; the only way queries reach the searcher.</summary>
    public Query Scoped(string tenant, Query query) => new FilteredQuery(query, TenantFilter(tenant));

    public T Read<T>(Func<IndexSearcher, T> read)
    {
        var searcher = _searchers.Acquire();
        try
        {
            return read(searcher);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>Makes the batch durable and visible.</summary>
    public void CommitAndRefresh()
    {
        _writer.Commit();
        _searchers.MaybeRefreshBlocking();
    }

    public void Dispose()
    {
        IsDisposed = true;
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
    }

    public void DeleteFiles()
    {
        if (System.IO.Directory.Exists(_folder))
        {
            System.IO.Directory.Delete(_folder, recursive: true);
        }
    }
}
