using System.Text.Json.Nodes;
using Platform.Search.Embedded.Analysis;
using Platform.Search.Embedded.Pipeline;
using Platform.Search.Embedded.Storage;
using Platform.Search.Engine;
using Platform.Search.Filters;

namespace Platform.Search.Embedded;

/// <summary>
/// The embedded engine: one Lucene index per logical index under <see cref="EmbeddedEngineOptions.DataRoot"/>.
/// Lucene selects candidates (tenant, filter, words with prefix and typo expansion); ranking, facets, distinct and
/// formatting run in process over the stored JSON of the candidates. Every read goes through
/// <see cref="LuceneIndex.Scoped"/>, every delete carries the tenant term, and every write keys documents by
/// (tenant, id), so tenants never see or touch each other's documents. This class checks the call and hands it to
/// the index registry, the tenant's documents, or a search pipeline.
/// </summary>
public sealed class LuceneSearchEngine : ISearchEngine, IDisposable
{
    private readonly IndexRegistry _indexes;
    private readonly TenantDocuments _documents;
    private readonly SearchPipeline _search;
    private readonly FacetSearchPipeline _facetSearch;

    /// <param name="options">The engine's options; validated here too.</param>
    /// <param name="clock">The clock search budgets are timed with; the system clock unless a test fakes it.</param>
    public LuceneSearchEngine(EmbeddedEngineOptions options, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validation = new EmbeddedEngineOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new ArgumentException(string.Join(" ", validation.Failures), nameof(options));
        }

        _indexes = new IndexRegistry(options.DataRoot);
        _documents = new TenantDocuments(_indexes);
        _search = new SearchPipeline(_indexes, options, TextAnalyzer.Instance, clock ?? TimeProvider.System);
        _facetSearch = new FacetSearchPipeline(_indexes, options, TextAnalyzer.Instance, clock ?? TimeProvider.System);
    }

    /// <summary>
    /// Copies every index's last commit into <c>{targetRoot}/indexes/{uid}</c> while the engine keeps serving (an
    /// online backup; docs/operations.md#backup-and-restore) and returns the uids copied.
    /// </summary>
    public IReadOnlyList<string> SnapshotIndexesTo(string targetRoot) => _indexes.SnapshotTo(targetRoot);

    public Task<IndexInfo> CreateIndexAsync(string indexUid, string? primaryKey = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_indexes.Create(indexUid, primaryKey));
    }

    public Task<IndexInfo> GetIndexAsync(string indexUid, CancellationToken cancellationToken = default) =>
        Task.FromResult(new IndexInfo(indexUid, _indexes.Require(indexUid).Settings.PrimaryKey));

    public Task<bool> DeleteIndexAsync(string indexUid, CancellationToken cancellationToken = default) =>
        Task.FromResult(_indexes.Delete(indexUid));

    public Task<IndexSettings> GetSettingsAsync(string indexUid, CancellationToken cancellationToken = default) =>
        Task.FromResult(_indexes.Require(indexUid).Settings);

    public Task<IndexSettings> UpdateSettingsAsync(string indexUid, IndexSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Task.FromResult(_indexes.UpdateSettings(indexUid, settings));
    }

    public Task<DocumentWriteResult> AddDocumentsAsync(
        TenantScope scope,
        string indexUid,
        IReadOnlyList<JsonObject> documents,
        DocumentWriteMode mode,
        string? primaryKey = null,
        CancellationToken cancellationToken = default)
    {
        var tenant = Tenant(scope);
        ArgumentNullException.ThrowIfNull(documents);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_documents.Add(tenant, indexUid, documents, mode, primaryKey));
    }

    public Task<DocumentDeletionResult> DeleteDocumentsAsync(TenantScope scope, string indexUid, IReadOnlyList<string> documentIds, CancellationToken cancellationToken = default)
    {
        var tenant = Tenant(scope);
        ArgumentNullException.ThrowIfNull(documentIds);
        return Task.FromResult(_documents.Delete(tenant, indexUid, documentIds));
    }

    public Task<DocumentDeletionResult> DeleteDocumentsByFilterAsync(TenantScope scope, string indexUid, FilterExpression filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return Task.FromResult(_documents.DeleteByFilter(Tenant(scope), indexUid, filter));
    }

    public Task<DocumentDeletionResult> DeleteAllDocumentsAsync(TenantScope scope, string indexUid, CancellationToken cancellationToken = default) =>
        Task.FromResult(_documents.DeleteAll(Tenant(scope), indexUid));

    public Task<JsonObject> GetDocumentAsync(TenantScope scope, string indexUid, string documentId, IReadOnlyList<string>? fields = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(_documents.Get(Tenant(scope), indexUid, documentId, fields));

    public Task<DocumentsPage> GetDocumentsAsync(TenantScope scope, string indexUid, DocumentsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Task.FromResult(_documents.Browse(Tenant(scope), indexUid, query));
    }

    public Task<SearchResponse> SearchAsync(TenantScope scope, string indexUid, SearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(_search.Search(Tenant(scope), indexUid, request, cancellationToken));
    }

    public Task<FacetSearchResponse> FacetSearchAsync(TenantScope scope, string indexUid, FacetSearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.FacetName);
        return Task.FromResult(_facetSearch.Search(Tenant(scope), indexUid, request, cancellationToken));
    }

    public void Dispose() => _indexes.Dispose();

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private string Tenant(TenantScope scope)
    {
        _indexes.ThrowIfDisposed();
        if (scope.IsEmpty)
        {
            throw new ArgumentException("A tenant scope is required.", nameof(scope));
        }

        return scope.TenantUid;
    }
}
