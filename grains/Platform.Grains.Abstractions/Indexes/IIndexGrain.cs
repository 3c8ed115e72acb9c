using Platform.Grains.Tasks;

namespace Platform.Grains.Indexes;

/// <summary>
/// One grain per logical index, keyed by the index uid: its definition and settings (the index catalog entry).
/// It keeps the search engine's index in step: created, configured and deleted with the definition. Its writes
/// record their own operator task (owner null) and answer with it finished, as tenant document writes do.
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

    /// <summary>
    /// Creates the index as an <c>indexCreation</c> task and answers with the finished task; an existing index fails
    /// the task with <c>index_already_exists</c>. Not idempotent.
    /// </summary>
    [Alias("create-task")]
    Task<TaskRecord> Create(string? primaryKey);

    /// <summary>Sets the primary key as an <c>indexUpdate</c> task; a missing index fails it with <c>index_not_found</c>.</summary>
    [Alias("set-primary-key-task")]
    Task<TaskRecord> SetPrimaryKey(string? primaryKey);

    /// <summary>Records a primary key the engine inferred from the first documents, if none is set. Idempotent.</summary>
    [Alias("record-primary-key")]
    Task RecordPrimaryKey(string primaryKey);

    /// <summary>
    /// Applies a settings change as a <c>settingsUpdate</c> task, creating the index when it is missing (as
    /// Meilisearch does). <paramref name="detailsJson"/> is the task's <c>details</c> object (null: <c>{}</c>).
    /// Idempotent for equal changes.
    /// </summary>
    [Alias("update-settings-task")]
    Task<TaskRecord> UpdateSettings(IndexSettingsChange change, string? detailsJson);

    /// <summary>Deletes the index as an <c>indexDeletion</c> task; a missing index fails it with <c>index_not_found</c>.</summary>
    [Alias("delete-task")]
    Task<TaskRecord> Delete();
}
