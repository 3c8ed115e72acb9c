using System.Text.Json.Nodes;
using Platform.Search.Filters;

namespace Platform.Search.Engine;

/// <summary>
/// A search engine behind the gateway: the embedded Lucene engine or Meilisearch. Document and search operations
/// take a <see cref="TenantScope"/> and only ever see that tenant's documents; two tenants may use the same document
/// id in one index. Index operations (create, settings, delete) are operator-level: the index is shared.
/// Writes complete when the change is durable and visible to searches. Failures are
/// <see cref="SearchEngineException"/>s carrying Meilisearch's error code, message and HTTP status.
/// </summary>
public interface ISearchEngine : IAsyncDisposable
{
    /// <summary>Creates an index. Fails with <c>index_already_exists</c> or <c>invalid_index_uid</c>.</summary>
    Task<IndexInfo> CreateIndexAsync(string indexUid, string? primaryKey = null, CancellationToken cancellationToken = default);

    /// <summary>Describes an index. Fails with <c>index_not_found</c>.</summary>
    Task<IndexInfo> GetIndexAsync(string indexUid, CancellationToken cancellationToken = default);

    /// <summary>Deletes an index with every tenant's documents; false when it did not exist.</summary>
    Task<bool> DeleteIndexAsync(string indexUid, CancellationToken cancellationToken = default);

    Task<IndexSettings> GetSettingsAsync(string indexUid, CancellationToken cancellationToken = default);

    /// <summary>Replaces the settings. A primary key can only be set while none is set yet.</summary>
    Task<IndexSettings> UpdateSettingsAsync(string indexUid, IndexSettings settings, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds a batch of documents for the tenant, creating the index when missing. The batch is all-or-nothing:
    /// an invalid document id, a missing primary key or the reserved <c>_tenant</c> attribute fails it whole.
    /// </summary>
    Task<DocumentWriteResult> AddDocumentsAsync(
        TenantScope scope,
        string indexUid,
        IReadOnlyList<JsonObject> documents,
        DocumentWriteMode mode,
        string? primaryKey = null,
        CancellationToken cancellationToken = default);

    Task<DocumentDeletionResult> DeleteDocumentsAsync(TenantScope scope, string indexUid, IReadOnlyList<string> documentIds, CancellationToken cancellationToken = default);

    Task<DocumentDeletionResult> DeleteDocumentsByFilterAsync(TenantScope scope, string indexUid, FilterExpression filter, CancellationToken cancellationToken = default);

    Task<DocumentDeletionResult> DeleteAllDocumentsAsync(TenantScope scope, string indexUid, CancellationToken cancellationToken = default);

    /// <summary>One document of the tenant. Fails with <c>document_not_found</c>.</summary>
    Task<JsonObject> GetDocumentAsync(TenantScope scope, string indexUid, string documentId, IReadOnlyList<string>? fields = null, CancellationToken cancellationToken = default);

    Task<DocumentsPage> GetDocumentsAsync(TenantScope scope, string indexUid, DocumentsQuery query, CancellationToken cancellationToken = default);

    Task<SearchResponse> SearchAsync(TenantScope scope, string indexUid, SearchRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Searches the values of one facet among the tenant's documents selected by <c>q</c> and <c>filter</c>
    /// (Meilisearch's <c>facet-search</c>). Fails with <c>reserved_attribute</c> for <c>_tenant</c> and with
    /// <c>invalid_facet_search_facet_name</c> when the facet is not filterable.
    /// </summary>
    Task<FacetSearchResponse> FacetSearchAsync(TenantScope scope, string indexUid, FacetSearchRequest request, CancellationToken cancellationToken = default);
}
