using System.Text.Json.Nodes;
using Platform.Search.Engine;

namespace Platform.Search.Meilisearch.Engine;

using Platform.Search.Errors;
using IndexSettings = Platform.Search.Engine.IndexSettings;

/// <summary>
/// The physical Meilisearch indexes behind a logical index (see <see cref="PhysicalLayout"/>): created with
/// <c>_pid</c> as primary key and <c>_tenant</c> filterable, a dedicated tenant's index created on its first write,
/// listed, probed and deleted. Errors name the logical index.
/// </summary>
internal sealed class PhysicalIndexes(AdminCalls calls, PhysicalLayout layout)
{
    private const string TenantAttribute = PhysicalLayout.TenantAttribute;

    /// <summary>Creates a physical index; <c>index_already_exists</c> on the definition index is the logical error.</summary>
    public async Task CreateAsync(string logical, string physical, CancellationToken cancellationToken)
    {
        var target = new EngineErrors.Target(logical, physical);
        var created = await calls.Call((c, admin) => c.CreateIndexAsync(admin, physical, PhysicalLayout.PidAttribute, cancellationToken), target);
        var task = await calls.OutcomeAsync(created, target, cancellationToken);
        if (task.Status != MeilisearchTaskStatus.Succeeded)
        {
            throw task.Error?.Code == ErrorCodes.IndexAlreadyExists && physical == layout.DefinitionIndex(logical)
                ? SearchEngineErrors.IndexAlreadyExists(logical)
                : EngineErrors.FromTask(task, target);
        }

        // Only after the creation succeeded: on an existing index this would replace its filterable attributes.
        var settings = new JsonObject { ["filterableAttributes"] = SettingsMapping.List([TenantAttribute]) };
        var update = await calls.Call((c, admin) => c.UpdateSettingsAsync(admin, physical, settings, cancellationToken), target);
        await calls.WaitAsync(update, target, cancellationToken);
    }

    /// <summary>Deletes a physical index; false when it did not exist.</summary>
    public async Task<bool> DeleteAsync(string logical, string physical, CancellationToken cancellationToken)
    {
        var target = new EngineErrors.Target(logical, physical);
        var enqueued = await calls.Call((c, admin) => c.DeleteIndexAsync(admin, physical, cancellationToken), target);
        var task = await calls.OutcomeAsync(enqueued, target, cancellationToken);
        if (task.Status == MeilisearchTaskStatus.Succeeded)
        {
            return true;
        }

        return task.Error?.Code == ErrorCodes.IndexNotFound ? false : throw EngineErrors.FromTask(task, target);
    }

    /// <summary>Every physical index of a logical one: the definition index, then a dedicated one's tenant indexes.</summary>
    public async Task<List<string>> AllAsync(string logical, CancellationToken cancellationToken)
    {
        var targets = new List<string> { layout.DefinitionIndex(logical) };
        if (layout.IsDedicated(logical))
        {
            targets.AddRange(await TenantIndexesAsync(logical, cancellationToken));
        }

        return targets;
    }

    /// <summary>The tenant indexes of a dedicated logical index, found by listing the physical indexes.</summary>
    public async Task<List<string>> TenantIndexesAsync(string logical, CancellationToken cancellationToken)
    {
        const int PageSize = 100;
        var found = new List<string>();
        for (var offset = 0; ; offset += PageSize)
        {
            var page = await calls.Call((c, admin) => c.ListIndexesAsync(admin, offset, PageSize, cancellationToken), null);
            found.AddRange(page.Results.Select(i => i.Uid).Where(uid => layout.IsTenantIndexOf(uid, logical)));
            if (page.Results.Count < PageSize || offset + PageSize >= page.Total)
            {
                return found;
            }
        }
    }

    /// <summary>Creates a dedicated tenant index on first write, with the definition's settings.</summary>
    public async Task EnsureTenantIndexAsync(string logical, string definition, string tenantIndex, CancellationToken cancellationToken)
    {
        if (await ExistsAsync(logical, tenantIndex, cancellationToken))
        {
            return;
        }

        var settings = SettingsMapping.FromPhysical(
            await calls.Call((c, admin) => c.GetSettingsAsync(admin, definition, cancellationToken), new(logical, definition)));
        try
        {
            await CreateAsync(logical, tenantIndex, cancellationToken);
        }
        catch (SearchEngineException e) when (e.Code == ErrorCodes.IndexAlreadyExists)
        {
            return; // created concurrently, settings included
        }

        await UpdateSettingsAsync(logical, tenantIndex, settings, cancellationToken);
    }

    /// <summary>Replaces the settings of one physical index of <paramref name="logical"/>.</summary>
    public async Task UpdateSettingsAsync(string logical, string physical, IndexSettings settings, CancellationToken cancellationToken)
    {
        var task = await calls.Call((c, admin) => c.UpdateSettingsAsync(admin, physical, SettingsMapping.ToPhysical(settings), cancellationToken), new(logical, physical));
        await calls.WaitAsync(task, new(logical, physical), cancellationToken);
    }

    /// <summary>True when <paramref name="physical"/> exists; other failures propagate.</summary>
    public async Task<bool> ExistsAsync(string logical, string physical, CancellationToken cancellationToken)
    {
        try
        {
            await calls.Call((c, admin) => c.GetIndexAsync(admin, physical, cancellationToken), new(logical, physical));
            return true;
        }
        catch (SearchEngineException e) when (e.Code == ErrorCodes.IndexNotFound)
        {
            return false;
        }
    }

    /// <summary>Fails with the logical <c>index_not_found</c> unless <paramref name="physical"/> exists.</summary>
    public async Task RequireDocumentIndexAsync(string logical, string physical, CancellationToken cancellationToken)
    {
        try
        {
            await calls.Call((c, admin) => c.GetIndexAsync(admin, physical, cancellationToken), new(logical, physical));
        }
        catch (SearchEngineException e) when (e.Code == ErrorCodes.IndexNotFound && physical != layout.DefinitionIndex(logical))
        {
            var definition = layout.DefinitionIndex(logical);
            await calls.Call((c, admin) => c.GetIndexAsync(admin, definition, cancellationToken), new(logical, definition));
        }
    }

    /// <summary>True when any physical index of <paramref name="logical"/> holds a document of any tenant.</summary>
    public async Task<bool> HasTenantDocumentsAsync(string logical, CancellationToken cancellationToken)
    {
        var probe = new Meilisearch.DocumentsQuery { Filter = JsonValue.Create(TenantAttribute + " EXISTS"), Fields = [PhysicalLayout.PidAttribute], Limit = 1 };
        foreach (var target in await AllAsync(logical, cancellationToken))
        {
            if ((await calls.Call((c, admin) => c.FetchDocumentsAsync(admin, target, probe, cancellationToken), new(logical, target))).Total > 0)
            {
                return true;
            }
        }

        return false;
    }
}
