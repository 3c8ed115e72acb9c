using System.Text.Json;
using Platform.Grains.Directory;
using Platform.Grains.Errors;
using Platform.Grains.Tasks;
using Platform.Search.Engine;
using Platform.Search.Errors;

namespace Platform.Grains.Indexes;

/// <inheritdoc cref="IIndexGrain"/>
/// <remarks>
/// The engine is changed first and the definition stored second: a crash in between leaves an engine index the
/// catalog does not list yet, which the retried operation adopts, never a listed index the engine lacks. Every
/// operator write runs as a task here, so the HTTP layer makes one grain call per write.
/// </remarks>
internal sealed class IndexGrain(
    [PersistentState("index", StorageNames.Platform)] IPersistentState<IndexState> state,
    IGrainFactory grains,
    ISearchEngine engine,
    TaskRunner tasks,
    TimeProvider time) : Grain, IIndexGrain
{
    private string Uid => this.GetPrimaryKeyString();

    private IDirectoryGrain Directory => grains.GetGrain<IDirectoryGrain>(IIndexGrain.DirectoryKey);

    public Task<IndexSnapshot?> Get() => Task.FromResult(state.State.Index);

    public Task<TaskRecord> Create(string? primaryKey) =>
        tasks.RunAsync(null, Uid, TaskTypes.IndexCreation, async () =>
        {
            if (state.State.Index is not null)
            {
                await Directory.Add(Uid);
                throw new PlatformException(ErrorCodes.IndexAlreadyExists, $"Index `{Uid}` already exists.");
            }

            await CreateIndex(primaryKey);
            return new { primaryKey };
        });

    public Task<TaskRecord> SetPrimaryKey(string? primaryKey) =>
        tasks.RunAsync(null, Uid, TaskTypes.IndexUpdate, async () =>
        {
            var index = Existing();
            await EngineCalls.Run(() => engine.UpdateSettingsAsync(Uid, ToEngine(index.Settings, primaryKey)));
            await Save(index with { PrimaryKey = primaryKey, UpdatedAt = time.GetUtcNow(), Version = index.Version + 1 });
            return new { primaryKey };
        });

    public async Task RecordPrimaryKey(string primaryKey)
    {
        if (state.State.Index is { PrimaryKey: null } index)
        {
            await Save(index with { PrimaryKey = primaryKey, Version = index.Version + 1 });
        }
    }

    public Task<TaskRecord> UpdateSettings(IndexSettingsChange change, string? detailsJson) =>
        tasks.RunAsync(null, Uid, TaskTypes.SettingsUpdate, async () =>
        {
            // Like Meilisearch, a settings update on a missing index creates the index.
            var index = state.State.Index ?? await CreateIndex(primaryKey: null);
            var settings = change.ApplyTo(index.Settings);
            await EngineCalls.Run(() => engine.UpdateSettingsAsync(Uid, ToEngine(settings, index.PrimaryKey)));
            await Save(index with { Settings = settings, UpdatedAt = time.GetUtcNow(), Version = index.Version + 1 });
            return detailsJson is null ? new { } : (object)JsonDocument.Parse(detailsJson).RootElement.Clone();
        });

    public Task<TaskRecord> Delete() =>
        tasks.RunAsync(null, Uid, TaskTypes.IndexDeletion, async () =>
        {
            if (state.State.Index is null)
            {
                throw new PlatformException(ErrorCodes.IndexNotFound, $"Index `{Uid}` not found.");
            }

            await EngineCalls.Run(() => engine.DeleteIndexAsync(Uid));
            await state.ClearStateAsync();
            state.State = new IndexState();
            await Directory.Remove(Uid);
            return new { deletedDocuments = 0 };
        });

    /// <summary>Creates the engine's index (adopting one a crashed create left behind) and stores the definition.</summary>
    private async Task<IndexSnapshot> CreateIndex(string? primaryKey)
    {
        try
        {
            await EngineCalls.Run(() => engine.CreateIndexAsync(Uid, primaryKey));
        }
        catch (PlatformException e) when (e.Code == ErrorCodes.IndexAlreadyExists)
        {
            // Left by a create that crashed before storing the definition: adopt it with the requested settings.
            await EngineCalls.Run(() => engine.UpdateSettingsAsync(Uid, ToEngine(IndexSettings.Default, primaryKey)));
        }

        var now = time.GetUtcNow();
        return await Save(new IndexSnapshot(Uid, primaryKey, IndexSettings.Default, now, now, 1), addToDirectory: true);
    }

    private IndexSnapshot Existing() =>
        state.State.Index ?? throw new PlatformException(ErrorCodes.IndexNotFound, $"Index `{Uid}` not found.");

    private async Task<IndexSnapshot> Save(IndexSnapshot index, bool addToDirectory = false)
    {
        state.State.Index = index;
        await state.WriteStateAsync();
        if (addToDirectory) await Directory.Add(Uid);
        return index;
    }

    private static Search.Engine.IndexSettings ToEngine(IndexSettings settings, string? primaryKey) => new()
    {
        PrimaryKey = primaryKey,
        DisplayedAttributes = settings.DisplayedAttributes ?? ["*"],
        SearchableAttributes = settings.SearchableAttributes ?? ["*"],
        FilterableAttributes = settings.FilterableAttributes ?? [],
        SortableAttributes = settings.SortableAttributes ?? [],
        DistinctAttribute = settings.DistinctAttribute,
    };
}
