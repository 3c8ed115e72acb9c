using Microsoft.Extensions.Options;
using Platform.Grains.Directory;
using Platform.Grains.Errors;
using Platform.Grains.Keys;
using Platform.Grains.Tasks;
using Platform.Search.Engine;
using Platform.Search.Errors;
using Platform.Search.Keys;

namespace Platform.Grains.Tenants;

/// <inheritdoc cref="ITenantGrain"/>
/// <remarks>Split by concern: this file holds the tenant and its keys; documents, search, tasks and token minting
/// are beside it.</remarks>
internal sealed partial class TenantGrain(
    [PersistentState("tenant", StorageNames.Platform)] IPersistentState<TenantState> state,
    IGrainFactory grains,
    ISearchEngine engine,
    ApiKeySecrets secrets,
    IOptions<TenantTokenOptions> tokenOptions,
    TaskRunner tasks,
    TimeProvider time) : Grain, ITenantGrain
{
    private readonly TenantRulesCache _rules = new();
    private readonly TenantTokenCache _mintedTokens =
        new(tokenOptions.Value.MintCacheSizePerTenant, tokenOptions.Value.ReuseShare, tokenOptions.Value.MintCacheBytesPerTenant);

    // Only engines that enforce isolation again with a per-tenant credential (Meilisearch) issue credentials.
    private readonly BackendCredentialCache? _backendCredentials = engine is IBackendCredentialIssuer issuer
        ? new(issuer, time, tokenOptions.Value.BackendCacheSizePerTenant)
        : null;

    private string Uid => this.GetPrimaryKeyString();

    private TenantScope Scope => new(Uid);

    public Task<TenantSnapshot?> Get() => Task.FromResult(state.State.Exists ? Snapshot() : null);

    public async Task<TenantSnapshot> Create(TenantChanges changes)
    {
        var directory = grains.GetGrain<IDirectoryGrain>(ITenantGrain.DirectoryKey);
        if (state.State.Exists)
        {
            // Heal a directory entry lost by an earlier create that failed after writing the tenant.
            await directory.Add(Uid);
            throw new PlatformException(ErrorCodes.TenantAlreadyExists, $"Tenant `{Uid}` already exists.");
        }

        // A new incarnation gets a prefix of its own, so it can never see an earlier one's tasks (docs/tasks.md#task-uids).
        var tasksRange = await ClaimTaskPrefix();
        var now = time.GetUtcNow();
        state.State = new TenantState
        {
            Exists = true,
            TaskPrefix = tasksRange.Prefix,
            TaskOldest = tasksRange.Oldest,
            TaskNext = tasksRange.Next,
            Name = changes.Name,
            Status = changes.Status ?? TenantStatus.Active,
            RulesJson = changes.ClearRules ? null : changes.RulesJson,
            Limits = changes.Limits ?? TenantLimits.None,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await state.WriteStateAsync();
        await directory.Add(Uid);
        return Snapshot();
    }

    public async Task<TenantSnapshot> Update(TenantChanges changes)
    {
        EnsureExists();
        var s = state.State;
        if (changes.Name is not null) s.Name = changes.Name;
        if (changes.ClearRules) s.RulesJson = null;
        else if (changes.RulesJson is not null) s.RulesJson = changes.RulesJson;
        if (changes.Limits is not null) s.Limits = changes.Limits;
        if (changes.Status is not null) s.Status = changes.Status.Value;
        s.UpdatedAt = time.GetUtcNow();
        await state.WriteStateAsync();

        // Credentials for rules the tenant no longer has would only wait for eviction.
        _backendCredentials?.Clear();
        return Snapshot();
    }

    public async Task<bool> Delete()
    {
        if (!state.State.Exists) return false;

        // Keys go first (the tenant stops authenticating), then documents and tasks; the record goes last, because
        // once it is gone nothing would point at the rest any more.
        foreach (var keyUid in state.State.KeyUids.ToArray())
        {
            await grains.GetGrain<IApiKeyGrain>(keyUid).Delete();
        }

        _mintedTokens.Clear();
        _backendCredentials?.Clear();
        await DeleteDocumentsEverywhere();
        await DeleteOwnTasks();

        var (prefix, next) = (state.State.TaskPrefix, state.State.TaskNext);
        await state.ClearStateAsync();
        state.State = new TenantState();
        await grains.GetGrain<IDirectoryGrain>(ITenantGrain.DirectoryKey).Remove(Uid);
        // Released only once its tasks are gone and the tenant record with them; a crash before leaves it claimed.
        await ReleaseTaskPrefix(prefix, next);
        return true;
    }

    public async Task<TaskRecord> DeleteAsTask()
    {
        EnsureExists();
        var deletedKeys = state.State.KeyUids.Count;
        return await tasks.RunAsync(owner: null, indexUid: null, TaskTypes.TenantDeletion, async () =>
        {
            await Delete();
            return new { tenantUid = Uid, deletedKeys };
        });
    }

    public async Task<ApiKeySnapshot> CreateKey(ApiKeyDefinition definition)
    {
        EnsureExists();
        var key = grains.GetGrain<IApiKeyGrain>(definition.Uid);
        if (await key.Get() is not null)
        {
            throw new PlatformException(ErrorCodes.ApiKeyAlreadyExists, $"`{definition.Uid}` is already an existing API key.");
        }

        // Crash-safe order: the tenant's list (what lists and deletes keys) first, then the key record, its lookup
        // entry last; the API accepts a key only when its tenant lists it. A crash leaves at worst a listed uid
        // without a working key, which deletion clears.
        var listed = state.State.KeyUids.Contains(definition.Uid);
        if (!listed)
        {
            state.State.KeyUids.Add(definition.Uid);
            await state.WriteStateAsync();
        }

        try
        {
            return await key.Create(Uid, definition);
        }
        catch (PlatformException) when (!listed)
        {
            // Refused (created meanwhile by someone else): the uid is not ours to list.
            state.State.KeyUids.Remove(definition.Uid);
            await state.WriteStateAsync();
            throw;
        }
    }

    public async Task<IReadOnlyList<ApiKeySnapshot>> ListKeys()
    {
        EnsureExists();
        var keys = await Task.WhenAll(state.State.KeyUids.Select(uid => grains.GetGrain<IApiKeyGrain>(uid).Get()));
        return [.. keys.OfType<ApiKeySnapshot>().OrderByDescending(k => k.CreatedAt).ThenBy(k => k.Uid)];
    }

    public Task<ApiKeySnapshot> UpdateKey(Guid keyUid, ApiKeyUpdate update)
    {
        EnsureExists();
        return state.State.KeyUids.Contains(keyUid)
            ? grains.GetGrain<IApiKeyGrain>(keyUid).Update(update)
            : throw new PlatformException(ErrorCodes.ApiKeyNotFound, $"API key `{keyUid}` not found.");
    }

    public async Task<bool> DeleteKey(Guid keyUid)
    {
        EnsureExists();
        if (!state.State.KeyUids.Contains(keyUid)) return false;
        _mintedTokens.DropKey(keyUid);
        await grains.GetGrain<IApiKeyGrain>(keyUid).Delete();
        state.State.KeyUids.Remove(keyUid);
        await state.WriteStateAsync();
        return true;
    }

    private void EnsureExists()
    {
        if (!state.State.Exists)
        {
            throw new PlatformException(ErrorCodes.TenantNotFound, $"Tenant `{Uid}` not found.");
        }
    }

    private TenantSnapshot Snapshot()
    {
        var s = state.State;
        return new TenantSnapshot(Uid, s.Name, s.Status, s.RulesJson, s.Limits, s.CreatedAt, s.UpdatedAt, [.. s.KeyUids]);
    }
}
