using Platform.Grains.Errors;
using Platform.Search.Errors;
using Platform.Search.Keys;

namespace Platform.Grains.Keys;

/// <inheritdoc cref="IApiKeyGrain"/>
internal sealed class ApiKeyGrain(
    [PersistentState("key", StorageNames.Platform)] IPersistentState<ApiKeyState> state,
    ApiKeySecrets secrets,
    IGrainFactory grains,
    TimeProvider time) : Grain, IApiKeyGrain
{
    private Guid Uid => this.GetPrimaryKey();

    private IApiKeyLookupGrain Lookup => grains.GetGrain<IApiKeyLookupGrain>(secrets.FingerprintOf(Uid));

    public Task<ApiKeySnapshot?> Get() => Task.FromResult(state.State.Key);

    public async Task<ApiKeySnapshot> Create(string tenant, ApiKeyDefinition definition)
    {
        if (state.State.Key is not null)
        {
            throw new PlatformException(ErrorCodes.ApiKeyAlreadyExists, $"`{Uid}` is already an existing API key.");
        }

        if (state.State.DeletedAt is not null)
        {
            throw new PlatformException(ErrorCodes.ApiKeyAlreadyExists,
                $"`{Uid}` is the uid of a deleted API key and cannot be used again: its key value would be the deleted key's.");
        }

        var now = time.GetUtcNow();
        var key = new ApiKeySnapshot(Uid, tenant, definition.Name, definition.Description,
            definition.Actions, definition.Indexes, definition.ExpiresAt, now, now);

        // The authoritative record first, the lookup last: a failure in between leaves a listed key that does not
        // authenticate yet (deleting it works), never a working key nobody can list or delete.
        state.State.Key = key;
        await state.WriteStateAsync();
        await Lookup.Set(key);
        return key;
    }

    public async Task<ApiKeySnapshot> Update(ApiKeyUpdate update)
    {
        var key = state.State.Key ?? throw new PlatformException(ErrorCodes.ApiKeyNotFound, $"API key `{Uid}` not found.");
        key = key with
        {
            Name = update.SetName ? update.Name : key.Name,
            Description = update.SetDescription ? update.Description : key.Description,
            UpdatedAt = time.GetUtcNow(),
        };
        state.State.Key = key;
        await state.WriteStateAsync();
        await Lookup.Set(key);
        return key;
    }

    public async Task Delete()
    {
        // The lookup entry goes first so that the key stops authenticating before anything else happens.
        await Lookup.Clear();
        if (state.State.Key is null) return;

        // A tombstone, not a cleared record: the uid must never name a key again (docs/security.md#key-uids).
        state.State = new ApiKeyState { DeletedAt = time.GetUtcNow() };
        await state.WriteStateAsync();
    }
}
