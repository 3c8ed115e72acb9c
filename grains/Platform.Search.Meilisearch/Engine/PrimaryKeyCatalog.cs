using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Search.Engine;
using Platform.Search.Errors;

namespace Platform.Search.Meilisearch.Engine;

/// <summary>
/// The logical primary keys. The physical primary key is always <c>_pid</c>, so the logical one is recorded in the
/// catalog index, one document per logical index: <c>{"uid": "products", "primaryKey": "id"}</c>. The catalog lies
/// outside the index prefix, so no token can reach it.
/// </summary>
internal sealed class PrimaryKeyCatalog(AdminCalls calls, PhysicalIndexes physical, string catalogIndex)
{
    private const string CatalogKey = "uid";
    private const string CatalogPrimaryKey = "primaryKey";

    public async Task WriteAsync(string logical, string primaryKey, CancellationToken cancellationToken)
    {
        var entry = new JsonObject { [CatalogKey] = logical, [CatalogPrimaryKey] = primaryKey };
        var enqueued = await calls.Call((c, admin) => c.AddOrReplaceDocumentsAsync(admin, catalogIndex, [entry], CatalogKey, cancellationToken), null);
        await calls.WaitAsync(enqueued, null, cancellationToken);
    }

    public async Task DeleteAsync(string logical, CancellationToken cancellationToken)
    {
        var enqueued = await calls.Call((c, admin) => c.DeleteDocumentAsync(admin, catalogIndex, logical, cancellationToken), null);
        var task = await calls.OutcomeAsync(enqueued, null, cancellationToken);
        if (task.Status != MeilisearchTaskStatus.Succeeded && task.Error?.Code != ErrorCodes.IndexNotFound)
        {
            throw EngineErrors.FromTask(task, null);
        }
    }

    /// <summary>The logical primary key, or null before one is set or inferred.</summary>
    public async Task<string?> ReadAsync(string logical, CancellationToken cancellationToken)
    {
        try
        {
            var entry = await calls.Call((c, admin) => c.GetDocumentAsync(admin, catalogIndex, logical, [CatalogPrimaryKey], cancellationToken), null);
            return entry[CatalogPrimaryKey] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
        }
        catch (SearchEngineException e) when (e.Code is ErrorCodes.DocumentNotFound or ErrorCodes.IndexNotFound)
        {
            return null;
        }
    }

    /// <summary>The logical primary key; creates the index (no key yet) when it does not exist.</summary>
    public async Task<string?> ReadOrCreateDefinitionAsync(string logical, string definition, CancellationToken cancellationToken)
    {
        if (await ReadAsync(logical, cancellationToken) is { } primaryKey)
        {
            return primaryKey;
        }

        if (await physical.ExistsAsync(logical, definition, cancellationToken))
        {
            return null;
        }

        try
        {
            await physical.CreateAsync(logical, definition, cancellationToken);
            return null;
        }
        catch (SearchEngineException e) when (e.Code == ErrorCodes.IndexAlreadyExists)
        {
            return await ReadAsync(logical, cancellationToken);
        }
    }
}
