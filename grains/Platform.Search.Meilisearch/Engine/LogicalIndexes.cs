using Platform.Search.Engine;

namespace Platform.Search.Meilisearch.Engine;

// The client's wire models share these names; inside this namespace they would win over the engine contract's.
using IndexInfo = Platform.Search.Engine.IndexInfo;
using IndexSettings = Platform.Search.Engine.IndexSettings;

/// <summary>
/// Logical indexes and their settings, over their physical indexes and the primary-key catalog. A settings change
/// reaches every physical index of the logical one, dedicated tenant indexes included.
/// </summary>
internal sealed class LogicalIndexes(AdminCalls calls, PhysicalLayout layout, PhysicalIndexes physical, PrimaryKeyCatalog primaryKeys)
{
    public async Task<IndexInfo> CreateAsync(string indexUid, string? primaryKey, CancellationToken cancellationToken)
    {
        await physical.CreateAsync(indexUid, layout.DefinitionIndex(indexUid), cancellationToken);
        if (primaryKey is not null)
        {
            await primaryKeys.WriteAsync(indexUid, primaryKey, cancellationToken);
        }

        return new IndexInfo(indexUid, primaryKey);
    }

    public async Task<IndexInfo> GetAsync(string indexUid, CancellationToken cancellationToken)
    {
        var definition = layout.DefinitionIndex(indexUid);
        await calls.Call((c, admin) => c.GetIndexAsync(admin, definition, cancellationToken), new(indexUid, definition));
        return new IndexInfo(indexUid, await primaryKeys.ReadAsync(indexUid, cancellationToken));
    }

    public async Task<bool> DeleteAsync(string indexUid, CancellationToken cancellationToken)
    {
        if (layout.IsDedicated(indexUid))
        {
            foreach (var tenantIndex in await physical.TenantIndexesAsync(indexUid, cancellationToken))
            {
                await physical.DeleteAsync(indexUid, tenantIndex, cancellationToken);
            }
        }

        var existed = await physical.DeleteAsync(indexUid, layout.DefinitionIndex(indexUid), cancellationToken);
        await primaryKeys.DeleteAsync(indexUid, cancellationToken);
        return existed;
    }

    public async Task<IndexSettings> GetSettingsAsync(string indexUid, CancellationToken cancellationToken)
    {
        var definition = layout.DefinitionIndex(indexUid);
        var settings = await calls.Call((c, admin) => c.GetSettingsAsync(admin, definition, cancellationToken), new(indexUid, definition));
        return SettingsMapping.FromPhysical(settings) with { PrimaryKey = await primaryKeys.ReadAsync(indexUid, cancellationToken) };
    }

    /// <summary>Replaces the settings; the primary key can change only while no tenant has a document in the index.</summary>
    public async Task<IndexSettings> UpdateSettingsAsync(string indexUid, IndexSettings settings, CancellationToken cancellationToken)
    {
        var current = (await GetAsync(indexUid, cancellationToken)).PrimaryKey;
        var primaryKey = settings.PrimaryKey ?? current;
        if (current is not null && primaryKey != current && await physical.HasTenantDocumentsAsync(indexUid, cancellationToken))
        {
            throw SearchEngineErrors.PrimaryKeyAlreadyPresent(indexUid, current);
        }

        foreach (var target in await physical.AllAsync(indexUid, cancellationToken))
        {
            await physical.UpdateSettingsAsync(indexUid, target, settings, cancellationToken);
        }

        if (primaryKey != current && primaryKey is not null)
        {
            await primaryKeys.WriteAsync(indexUid, primaryKey, cancellationToken);
        }

        return settings with { PrimaryKey = primaryKey };
    }
}
