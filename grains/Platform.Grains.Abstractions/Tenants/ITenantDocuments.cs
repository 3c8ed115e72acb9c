using System.Text.Json.Nodes;
using Platform.Grains.Tasks;
using Platform.Search.Engine;
using Platform.Search.Filters;

namespace Platform.Grains.Tenants;

/// <summary>
/// A tenant's documents in the shared indexes. Every operation is confined to the tenant (the engine stamps and
/// filters on the isolation attribute); writes answer with the finished task, reads are read-only and interleave.
/// </summary>
[Alias("platform.tenant.documents.v1")]
public interface ITenantDocuments : IGrainWithStringKey
{
    /// <summary>Adds or replaces/updates documents. Failures (e.g. an invalid id) fail the task, not the call.</summary>
    [Alias("add-documents")]
    Task<TaskRecord> AddDocuments(string indexUid, IReadOnlyList<JsonObject> documents, DocumentWriteMode mode, string? primaryKey);

    /// <summary>Deletes the tenant's documents with these ids.</summary>
    [Alias("delete-documents")]
    Task<TaskRecord> DeleteDocuments(string indexUid, IReadOnlyList<string> documentIds);

    /// <summary>Deletes the tenant's documents that match the filter (ANDed with the tenant's rules).</summary>
    [Alias("delete-documents-by-filter")]
    Task<TaskRecord> DeleteDocumentsByFilter(string indexUid, FilterExpression filter);

    /// <summary>Deletes every document of the tenant in the index.</summary>
    [Alias("delete-all-documents")]
    Task<TaskRecord> DeleteAllDocuments(string indexUid);

    /// <summary>One of the tenant's documents. Read-only.</summary>
    [ReadOnly, Alias("get-document")]
    Task<JsonObject> GetDocument(string indexUid, string documentId, IReadOnlyList<string>? fields);

    /// <summary>A page of the tenant's documents (the filter is ANDed with the tenant's rules). Read-only.</summary>
    [ReadOnly, Alias("get-documents")]
    Task<DocumentsPage> GetDocuments(string indexUid, DocumentsQuery query);
}
