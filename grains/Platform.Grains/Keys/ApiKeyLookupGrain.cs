namespace Platform.Grains.Keys;

/// <inheritdoc cref="IApiKeyLookupGrain"/>
internal sealed class ApiKeyLookupGrain(
    [PersistentState("key-lookup", StorageNames.Platform)] IPersistentState<ApiKeyState> state) : Grain, IApiKeyLookupGrain
{
    public Task<ApiKeySnapshot?> Resolve() => Task.FromResult(state.State.Key);

    public async Task Set(ApiKeySnapshot snapshot)
    {
        state.State.Key = snapshot;
        await state.WriteStateAsync();
    }

    public async Task Clear()
    {
        if (state.State.Key is null) return;
        await state.ClearStateAsync();
        state.State = new ApiKeyState();
    }
}
