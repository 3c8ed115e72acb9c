using System.Text.Json.Nodes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Platform.Search.Embedded.Json;
using Platform.Search.Embedded.Querying;
using Platform.Search.Engine;
using Platform.Search.Errors;
using Platform.Search.Filters;

namespace Platform.Search.Embedded.Storage;

/// <summary>
/// One tenant's documents in the embedded indexes: batch writes keyed by (tenant, id), deletes that always carry
/// the tenant term, and reads through <see cref="LuceneIndex.Scoped"/>, so no call reaches another tenant's documents.
/// </summary>
internal sealed class TenantDocuments(IndexRegistry indexes)
{
    /// <summary>Writes a batch, all or nothing: every document is checked and mapped before anything is written.</summary>
    public DocumentWriteResult Add(string tenant, string indexUid, IReadOnlyList<JsonObject> documents, DocumentWriteMode mode, string? primaryKey)
    {
        IndexRegistry.ValidateUid(indexUid);
        if (documents.Any(d => d.ContainsKey(SearchEngineErrors.TenantAttribute)))
        {
            throw SearchEngineErrors.ReservedAttribute("documents");
        }

        var index = indexes.GetOrCreate(indexUid);
        lock (index.WriteLock)
        {
            var settings = index.Settings;
            if (primaryKey is not null && settings.PrimaryKey is not null && primaryKey != settings.PrimaryKey)
            {
                throw SearchEngineErrors.PrimaryKeyAlreadyPresent(indexUid, settings.PrimaryKey);
            }

            if (documents.Count == 0)
            {
                return new DocumentWriteResult(0, 0);
            }

            var key = settings.PrimaryKey ?? primaryKey ?? DocumentIds.Infer(documents[0]);
            var pending = Pending(index, tenant, documents, mode, key);

            // Every document is mapped (and checked against Lucene's term limit) before the writer sees any of them.
            var mapped = pending.Select(p => (p.Key, Document: DocumentMapper.Map(tenant, p.Key, p.Value))).ToList();
            try
            {
                foreach (var (id, document) in mapped)
                {
                    index.Writer.UpdateDocument(KeyTerm(tenant, id), document);
                }
            }
            catch (ArgumentException)
            {
                // Lucene refusing a document's content: the client's fault, reported on the task.
                Restore(index, tenant, pending.Keys);
                throw new SearchEngineException(ErrorCodes.InvalidDocumentValue, "A document of the batch cannot be indexed; nothing of the batch was written.");
            }
            catch
            {
                Restore(index, tenant, pending.Keys);
                throw;
            }

            if (settings.PrimaryKey != key)
            {
                index.SaveSettings(settings with { PrimaryKey = key });
            }

            index.CommitAndRefresh();
            return new DocumentWriteResult(documents.Count, pending.Count);
        }
    }

    /// <summary>
    /// Undoes a batch the writer failed in the middle of. Every write commits under the index's write lock, so the
    /// writer holds nothing uncommitted but this batch (no other tenant's work can be lost), and the searcher still
    /// shows the last commit: each written id gets its committed version back, or goes. Committing here means no
    /// later write, of any tenant, can commit the half batch.
    /// </summary>
    private static void Restore(LuceneIndex index, string tenant, IEnumerable<string> ids)
    {
        foreach (var id in ids)
        {
            var committed = Load(index, tenant, id);
            if (committed is null) index.Writer.DeleteDocuments(KeyTerm(tenant, id));
            else index.Writer.UpdateDocument(KeyTerm(tenant, id), DocumentMapper.Map(tenant, id, committed));
        }

        index.CommitAndRefresh();
    }

    private static Term KeyTerm(string tenant, string id) => new(FieldNames.Key, FieldNames.DocumentKey(tenant, id));

    public DocumentDeletionResult Delete(string tenant, string indexUid, IReadOnlyList<string> documentIds)
    {
        var index = indexes.Require(indexUid);
        lock (index.WriteLock)
        {
            // Ids that cannot exist are skipped, which also keeps the internal key (tenant, id) unambiguous.
            var terms = documentIds.Where(DocumentIds.IsValid).Distinct(StringComparer.Ordinal)
                .Select(id => new Term(FieldNames.Key, FieldNames.DocumentKey(tenant, id)))
                .ToArray();
            var deleted = index.Read(s => terms.Count(t => s.Search(index.Scoped(tenant, new TermQuery(t)), 1).TotalHits > 0));
            if (terms.Length > 0)
            {
                index.Writer.DeleteDocuments(terms);
                index.CommitAndRefresh();
            }

            return new DocumentDeletionResult(documentIds.Count, deleted);
        }
    }

    public DocumentDeletionResult DeleteByFilter(string tenant, string indexUid, FilterExpression filter)
    {
        var index = indexes.Require(indexUid);
        var query = new FilterCompiler(indexUid, index.Settings, ErrorCodes.InvalidDocumentFilter).Compile(filter);
        return DeleteWhere(index, tenant, query);
    }

    public DocumentDeletionResult DeleteAll(string tenant, string indexUid) =>
        DeleteWhere(indexes.Require(indexUid), tenant, new MatchAllDocsQuery());

    public JsonObject Get(string tenant, string indexUid, string documentId, IReadOnlyList<string>? fields)
    {
        CheckFields(fields);
        var index = indexes.Require(indexUid);
        var document = (DocumentIds.IsValid(documentId) ? Load(index, tenant, documentId) : null)
            ?? throw SearchEngineErrors.DocumentNotFound(documentId);
        return fields is { Count: > 0 } ? JsonLeaves.Project(document, fields) : document;
    }

    public DocumentsPage Browse(string tenant, string indexUid, DocumentsQuery query)
    {
        CheckFields(query.Fields);
        if (query.Offset < 0 || query.Limit < 0)
        {
            throw new SearchEngineException(query.Offset < 0 ? ErrorCodes.InvalidDocumentOffset : ErrorCodes.InvalidDocumentLimit, "Offset and limit must be non-negative integers.");
        }

        var index = indexes.Require(indexUid);
        var filter = query.Filter is null ? new MatchAllDocsQuery() : new FilterCompiler(indexUid, index.Settings, ErrorCodes.InvalidDocumentFilter).Compile(query.Filter);
        return index.Read(searcher =>
        {
            var ids = DocIdCollector.Collect(searcher, index.Scoped(tenant, filter));
            var sources = new SourceReader(searcher);
            var page = ids.Skip(query.Offset).Take(query.Limit)
                .Select(sources.Load)
                .Select(d => query.Fields is { Count: > 0 } f ? JsonLeaves.Project(d, f) : d)
                .ToList();
            return new DocumentsPage(page, query.Offset, query.Limit, ids.Count);
        });
    }

    /// <summary>The documents to write by id; an update merges into the stored (or earlier pending) document.</summary>
    private static Dictionary<string, JsonObject> Pending(LuceneIndex index, string tenant, IReadOnlyList<JsonObject> documents, DocumentWriteMode mode, string key)
    {
        var pending = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            var id = DocumentIds.Extract(document, key);
            if (mode == DocumentWriteMode.AddOrUpdate
                && (pending.TryGetValue(id, out var stored) || (stored = Load(index, tenant, id)) is not null))
            {
                var merged = (JsonObject)stored.DeepClone();
                foreach (var (name, value) in document)
                {
                    merged[name] = value?.DeepClone();
                }

                pending[id] = merged;
            }
            else
            {
                pending[id] = (JsonObject)document.DeepClone();
            }
        }

        return pending;
    }

    private static DocumentDeletionResult DeleteWhere(LuceneIndex index, string tenant, Query query)
    {
        lock (index.WriteLock)
        {
            var deleted = index.Read(s => DocIdCollector.Collect(s, index.Scoped(tenant, query)).Count);
            if (deleted > 0)
            {
                // The tenant term is a required clause of the delete itself, not only of the count above.
                index.Writer.DeleteDocuments(new BooleanQuery
                {
                    { new TermQuery(new Term(FieldNames.Tenant, tenant)), Occur.MUST },
                    { query, Occur.MUST },
                });
                index.CommitAndRefresh();
            }

            return new DocumentDeletionResult(0, deleted);
        }
    }

    private static JsonObject? Load(LuceneIndex index, string tenant, string id) => index.Read(searcher =>
    {
        var top = searcher.Search(index.Scoped(tenant, new TermQuery(new Term(FieldNames.Key, FieldNames.DocumentKey(tenant, id)))), 1);
        return top.TotalHits == 0 ? null : new SourceReader(searcher).Load(top.ScoreDocs[0].Doc);
    });

    private static void CheckFields(IReadOnlyList<string>? fields)
    {
        if (fields is not null && fields.Any(f => f == SearchEngineErrors.TenantAttribute || f.StartsWith(SearchEngineErrors.TenantAttribute + ".", StringComparison.Ordinal)))
        {
            throw SearchEngineErrors.ReservedAttribute("fields");
        }
    }
}
