namespace Platform.Grains.Directory;

/// <inheritdoc cref="IDirectoryGrain"/>
internal sealed class DirectoryGrain(
    [PersistentState("directory", StorageNames.Platform)] IPersistentState<DirectoryState> state) : Grain, IDirectoryGrain
{
    public async Task Add(string uid)
    {
        if (state.State.Uids.Add(uid)) await state.WriteStateAsync();
    }

    public async Task Remove(string uid)
    {
        if (state.State.Uids.Remove(uid)) await state.WriteStateAsync();
    }

    public Task<DirectoryPage> List(int offset, int limit)
    {
        var uids = state.State.Uids;
        IReadOnlyList<string> page = [.. uids.Skip(Math.Max(0, offset)).Take(Math.Max(0, limit))];
        return Task.FromResult(new DirectoryPage(page, uids.Count));
    }
}
