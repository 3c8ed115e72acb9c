using System.Text.Json.Nodes;
using Platform.Grains.Directory;
using Platform.Grains.Errors;
using Platform.Grains.Indexes;
using Platform.Grains.Tasks;
using Platform.Search.Engine;
using Platform.Search.Errors;
using Platform.Search.Filters;

namespace Platform.Grains.Tenants;

/// <summary>The tenant's documents. Engine work runs through <see cref="EngineCalls"/> so reads interleave.</summary>
internal sealed partial class TenantGrain
{
    public Task<TaskRecord> AddDocuments(string indexUid, IReadOnlyList<JsonObject> documents, DocumentWriteMode mode, string? primaryKey) =>
        RunDocumentTask(indexUid, TaskTypes.DocumentAdditionOrUpdate,
            async () =>
            {
                await CheckPrimaryKey(indexUid, primaryKey);
                var result = await EngineCalls.Run(() => engine.AddDocumentsAsync(Scope, indexUid, documents, mode, primaryKey));
                await RecordInferredPrimaryKey(indexUid);
                return new { receivedDocuments = result.ReceivedDocuments, indexedDocuments = result.IndexedDocuments };
            },
            _ => new { receivedDocuments = documents.Count, indexedDocuments = 0 });

    public Task<TaskRecord> DeleteDocuments(string indexUid, IReadOnlyList<string> documentIds) =>
        RunDocumentTask(indexUid, TaskTypes.DocumentDeletion,
            async () =>
            {
                var result = await EngineCalls.Run(() => engine.DeleteDocumentsAsync(Scope, indexUid, documentIds));
                return new { providedIds = result.ProvidedIds, deletedDocuments = result.DeletedDocuments };
            },
            _ => new { providedIds = documentIds.Count, deletedDocuments = 0 });

    public Task<TaskRecord> DeleteDocumentsByFilter(string indexUid, FilterExpression filter)
    {
        var original = FilterPrinter.Print(filter);
        return RunDocumentTask(indexUid, TaskTypes.DocumentDeletion,
            async () =>
            {
                var effective = FilterCombinator.And(filter, RuleFilter(indexUid))!;
                var result = await EngineCalls.Run(() => engine.DeleteDocumentsByFilterAsync(Scope, indexUid, effective));
                return new { providedIds = 0, deletedDocuments = result.DeletedDocuments, originalFilter = original };
            },
            _ => new { providedIds = 0, deletedDocuments = 0, originalFilter = original });
    }

    public Task<TaskRecord> DeleteAllDocuments(string indexUid) =>
        RunDocumentTask(indexUid, TaskTypes.DocumentDeletion,
            async () =>
            {
                // "All" is all the rule shows, as with a filter: a rule-hidden document is out of every bulk route.
                var rule = RuleFilter(indexUid);
                var result = rule is null
                    ? await EngineCalls.Run(() => engine.DeleteAllDocumentsAsync(Scope, indexUid))
                    : await EngineCalls.Run(() => engine.DeleteDocumentsByFilterAsync(Scope, indexUid, rule));
                return new { providedIds = 0, deletedDocuments = result.DeletedDocuments };
            },
            _ => new { providedIds = 0, deletedDocuments = 0 });

    public Task<JsonObject> GetDocument(string indexUid, string documentId, IReadOnlyList<string>? fields)
    {
        // Reads are refused for a suspended tenant too, whoever calls the grain (docs/security.md#authorization-model).
        EnsureActive();
        RuleFilter(indexUid);
        return EngineCalls.Run(() => engine.GetDocumentAsync(Scope, indexUid, documentId, fields));
    }

    public Task<DocumentsPage> GetDocuments(string indexUid, DocumentsQuery query)
    {
        EnsureActive();
        var scoped = query with { Filter = FilterCombinator.And(query.Filter, RuleFilter(indexUid)) };
        return EngineCalls.Run(() => engine.GetDocumentsAsync(Scope, indexUid, scoped));
    }

    /// <summary>Removes the tenant's documents from every index (tenant deletion).</summary>
    private async Task DeleteDocumentsEverywhere()
    {
        var indexes = await grains.GetGrain<IDirectoryGrain>(IIndexGrain.DirectoryKey).List(0, int.MaxValue);
        foreach (var indexUid in indexes.Uids)
        {
            try
            {
                await EngineCalls.Run(() => engine.DeleteAllDocumentsAsync(Scope, indexUid));
            }
            catch (PlatformException e) when (e.Code == ErrorCodes.IndexNotFound)
            {
                // Deleted meanwhile: nothing of ours is left there.
            }
        }
    }

    /// <summary>
    /// The primary key is the operator's, like every index-level setting (docs/api-reference.md#documents): a tenant's
    /// <c>primaryKey</c> parameter is accepted only when it names the index's primary key, so no tenant can choose it
    /// for the others sharing the index.
    /// </summary>
    private async Task CheckPrimaryKey(string indexUid, string? primaryKey)
    {
        if (primaryKey is null) return;
        var current = (await grains.GetGrain<IIndexGrain>(indexUid).Get())?.PrimaryKey;
        if (string.Equals(current, primaryKey, StringComparison.Ordinal)) return;
        throw current is null
            ? new PlatformException(ErrorCodes.InvalidIndexPrimaryKey,
                $"Index `{indexUid}` has no primary key yet, and only the operator sets it (`PATCH /indexes/{indexUid}`). Send the documents without `primaryKey` to have it inferred, or ask the operator to set it.")
            : new PlatformException(ErrorCodes.IndexPrimaryKeyAlreadyExists,
                $"Index `{indexUid}`: Index already has a primary key: `{current}`.");
    }

    /// <summary>Meilisearch infers the primary key from the first documents; the catalog learns it here.</summary>
    private async Task RecordInferredPrimaryKey(string indexUid)
    {
        var index = grains.GetGrain<IIndexGrain>(indexUid);
        if (await index.Get() is { PrimaryKey: null })
        {
            var info = await EngineCalls.Run(() => engine.GetIndexAsync(indexUid));
            if (info.PrimaryKey is { } inferred) await index.RecordPrimaryKey(inferred);
        }
    }

    private async Task<TaskRecord> RunDocumentTask(string indexUid, string type, Func<Task<object>> operation, Func<TaskError, object> failed)
    {
        EnsureActive();
        RuleFilter(indexUid);
        var record = await tasks.RunAsync(await TakeTaskUid(), Uid, indexUid, type, async () =>
        {
            // Indexes are the operator's: unlike Meilisearch, a tenant's write never creates one.
            if (await grains.GetGrain<IIndexGrain>(indexUid).Get() is null)
            {
                throw new PlatformException(ErrorCodes.IndexNotFound, $"Index `{indexUid}` not found.");
            }

            return await operation();
        }, failed);
        return record;
    }

    /// <summary>The tenant's rule filter for the index; refuses an index the rules do not cover.</summary>
    private FilterExpression? RuleFilter(string indexUid)
    {
        EnsureExists();
        var (authorized, filter) = _rules.For(state.State.RulesJson, indexUid);
        return authorized
            ? filter
            : throw new PlatformException(ErrorCodes.InvalidApiKey,
                $"The tenant `{Uid}` cannot acces the index `{indexUid}`: its rules do not allow it.");
    }

    private void EnsureActive()
    {
        EnsureExists();
        if (state.State.Status == TenantStatus.Suspended)
        {
            throw new PlatformException(ErrorCodes.TenantSuspended, $"Tenant `{Uid}` is suspended.");
        }
    }
}
