using System.Text.Json.Nodes;
using Platform.Search.Engine;
using Platform.Search.Errors;
using Platform.Search.Filters;

namespace Platform.Search.Meilisearch.Engine;

/// <summary>
/// A tenant's document writes: every stored document is stamped with <c>_tenant</c> and keyed by its <c>_pid</c>,
/// and every delete is narrowed to the tenant's documents, so a tenant never writes over or deletes another's.
/// </summary>
internal sealed class DocumentWriter(AdminCalls calls, PhysicalLayout layout, PhysicalIndexes physical, PrimaryKeyCatalog primaryKeys)
{
    public async Task<DocumentWriteResult> AddAsync(
        string tenant, string indexUid, IReadOnlyList<JsonObject> documents, DocumentWriteMode mode, string? primaryKey, CancellationToken cancellationToken)
    {
        foreach (var document in documents)
        {
            SearchBodies.CheckDocument(document);
        }

        var definition = layout.DefinitionIndex(indexUid);
        var current = await primaryKeys.ReadOrCreateDefinitionAsync(indexUid, definition, cancellationToken);
        if (primaryKey is not null && current is not null && primaryKey != current)
        {
            throw SearchEngineErrors.PrimaryKeyAlreadyPresent(indexUid, current);
        }

        if (documents.Count == 0)
        {
            return new DocumentWriteResult(0, 0);
        }

        // Everything a batch can fail on is checked here, before anything is written: the batch is all-or-nothing.
        var key = current ?? primaryKey ?? DocumentIds.Infer(documents[0]);
        var batch = Stamped(tenant, documents, key);
        if (current is null)
        {
            await primaryKeys.WriteAsync(indexUid, key, cancellationToken);
        }

        var target = layout.DocumentIndex(indexUid, tenant);
        if (target != definition)
        {
            await physical.EnsureTenantIndexAsync(indexUid, definition, target, cancellationToken);
        }

        var enqueued = await calls.Call(
            (c, admin) => mode == DocumentWriteMode.AddOrReplace
                ? c.AddOrReplaceDocumentsAsync(admin, target, batch, PhysicalLayout.PidAttribute, cancellationToken)
                : c.AddOrUpdateDocumentsAsync(admin, target, batch, PhysicalLayout.PidAttribute, cancellationToken),
            new(indexUid, target));
        var task = await calls.WaitAsync(enqueued, new(indexUid, target), cancellationToken);
        return new DocumentWriteResult(
            AdminCalls.Detail(task, "receivedDocuments", documents.Count), AdminCalls.Detail(task, "indexedDocuments", documents.Count));
    }

    public async Task<DocumentDeletionResult> DeleteAsync(string tenant, string indexUid, IReadOnlyList<string> documentIds, CancellationToken cancellationToken)
    {
        // Ids that cannot exist are skipped (as in the embedded engine); the rest are namespaced to the tenant.
        var pids = documentIds.Where(DocumentIds.IsValid).Distinct(StringComparer.Ordinal)
            .Select(id => PhysicalLayout.Pid(tenant, id)).ToList();
        var target = layout.DocumentIndex(indexUid, tenant);
        if (pids.Count == 0)
        {
            await physical.RequireDocumentIndexAsync(indexUid, target, cancellationToken);
            return new DocumentDeletionResult(documentIds.Count, 0);
        }

        var deleted = await DeleteInAsync(indexUid, target, (c, admin) => c.DeleteDocumentsAsync(admin, target, pids, cancellationToken), cancellationToken);
        return new DocumentDeletionResult(documentIds.Count, deleted);
    }

    public async Task<DocumentDeletionResult> DeleteByFilterAsync(string tenant, string indexUid, FilterExpression filter, CancellationToken cancellationToken)
    {
        SearchBodies.CheckFilter(filter, SearchBodies.DocumentFilterError);
        var target = layout.DocumentIndex(indexUid, tenant);
        var isolated = SearchBodies.Isolated(filter, tenant);
        return new DocumentDeletionResult(0, await DeleteInAsync(indexUid, target, (c, admin) => c.DeleteDocumentsByFilterAsync(admin, target, isolated, cancellationToken), cancellationToken));
    }

    public async Task<DocumentDeletionResult> DeleteAllAsync(string tenant, string indexUid, CancellationToken cancellationToken)
    {
        var target = layout.DocumentIndex(indexUid, tenant);
        var isolation = JsonValue.Create(PhysicalLayout.IsolationFilter(tenant));
        return new DocumentDeletionResult(0, await DeleteInAsync(indexUid, target, (c, admin) => c.DeleteDocumentsByFilterAsync(admin, target, isolation, cancellationToken), cancellationToken));
    }

    /// <summary>Copies of the documents stamped with the tenant and their <c>_pid</c>; ids are validated here.</summary>
    private static JsonArray Stamped(string tenant, IReadOnlyList<JsonObject> documents, string key)
    {
        var batch = new JsonArray();
        foreach (var document in documents)
        {
            var id = DocumentIds.Extract(document, key);
            var stamped = (JsonObject)document.DeepClone();
            stamped[PhysicalLayout.TenantAttribute] = tenant;
            stamped[PhysicalLayout.PidAttribute] = PhysicalLayout.Pid(tenant, id);
            batch.Add(stamped);
        }

        return batch;
    }

    /// <summary>Runs a delete; a dedicated tenant index not created yet holds nothing to delete.</summary>
    private async Task<int> DeleteInAsync(
        string logical, string target, Func<MeilisearchClient, AdminCredential, Task<EnqueuedTask>> delete, CancellationToken cancellationToken)
    {
        TaskInfo task;
        try
        {
            var enqueued = await calls.Call(delete, new(logical, target));
            task = await calls.WaitAsync(enqueued, new(logical, target), cancellationToken);
        }
        catch (SearchEngineException e) when (e.Code == ErrorCodes.IndexNotFound && target != layout.DefinitionIndex(logical))
        {
            await physical.RequireDocumentIndexAsync(logical, layout.DefinitionIndex(logical), cancellationToken);
            return 0;
        }

        return AdminCalls.Detail(task, "deletedDocuments", 0);
    }
}
