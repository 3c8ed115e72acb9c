using Platform.Grains.Directory;
using Platform.Grains.Errors;

namespace Platform.Grains.Indexes;

/// <inheritdoc cref="IIndexGrain"/>
internal sealed class IndexGrain(
    [PersistentState("index", StorageNames.Platform)] IPersistentState<IndexState> state,
    IGrainFactory grains,
    TimeProvider time) : Grain, IIndexGrain
{
    private string Uid => this.GetPrimaryKeyString();

    private IDirectoryGrain Directory => grains.GetGrain<IDirectoryGrain>(IIndexGrain.DirectoryKey);

    public Task<IndexSnapshot?> Get() => Task.FromResult(state.State.Index);

    public async Task<IndexSnapshot> Create(string? primaryKey)
    {
        if (state.State.Index is not null)
        {
            await Directory.Add(Uid);
            throw new PlatformException(ErrorCodes.IndexAlreadyExists, $"Index `{Uid}` already exists.");
        }

        var now = time.GetUtcNow();
        return await Save(new IndexSnapshot(Uid, primaryKey, IndexSettings.Default, now, now, 1), addToDirectory: true);
    }

    public Task<IndexSnapshot> SetPrimaryKey(string? primaryKey)
    {
        var index = Existing();
        return Save(index with { PrimaryKey = primaryKey, UpdatedAt = time.GetUtcNow(), Version = index.Version + 1 });
    }

    public Task<IndexSnapshot> UpdateSettings(IndexSettingsChange change)
    {
        var index = Existing();
        return Save(index with
        {
            Settings = change.ApplyTo(index.Settings),
            UpdatedAt = time.GetUtcNow(),
            Version = index.Version + 1,
        });
    }

    public async Task<bool> Delete()
    {
        if (state.State.Index is null) return false;
        await state.ClearStateAsync();
        state.State = new IndexState();
        await Directory.Remove(Uid);
        return true;
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
}
