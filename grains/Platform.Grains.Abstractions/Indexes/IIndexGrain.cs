namespace Platform.Grains.Indexes;

/// <summary>
/// One grain per logical index, keyed by the index uid: its definition and settings (the index catalog entry).
/// It keeps the search engine's index in step: created, configured and deleted with the definition.
/// Listing goes through <see cref="Directory.IDirectoryGrain"/> with key <see cref="DirectoryKey"/>.
/// </summary>
[Alias("platform.index.v1")]
public interface IIndexGrain : IGrainWithStringKey
{
    /// <summary>The directory that lists every index uid.</summary>
    public const string DirectoryKey = "indexes";

    /// <summary>The index, or null. Read-only.</summary>
    [ReadOnly, Alias("get")]
    Task<IndexSnapshot?> Get();

    /// <summary>Creates the index. Throws <c>index_already_exists</c>.</summary>
    [Alias("create")]
    Task<IndexSnapshot> Create(string? primaryKey);

    /// <summary>Sets the primary key. Throws <c>index_not_found</c>.</summary>
    [Alias("set-primary-key")]
    Task<IndexSnapshot> SetPrimaryKey(string? primaryKey);

    /// <summary>Records a primary key the engine inferred from the first documents, if none is set. Idempotent.</summary>
    [Alias("record-primary-key")]
    Task RecordPrimaryKey(string primaryKey);

    /// <summary>Applies a settings change. Throws <c>index_not_found</c>. Idempotent.</summary>
    [Alias("update-settings")]
    Task<IndexSnapshot> UpdateSettings(IndexSettingsChange change);

    /// <summary>Deletes the index. Returns false when it did not exist. Idempotent.</summary>
    [Alias("delete")]
    Task<bool> Delete();
}
