using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Platform.Search.Engine;
using Platform.Search.Filters;

namespace Platform.Search.Meilisearch.Engine;

// The client's wire models share these names; inside this namespace they would win over the engine contract's.
using DocumentsQuery = Platform.Search.Engine.DocumentsQuery;
using IndexInfo = Platform.Search.Engine.IndexInfo;
using IndexSettings = Platform.Search.Engine.IndexSettings;

/// <summary>
/// <see cref="ISearchEngine"/> on a real Meilisearch (docs/meilisearch-engine.md). Index, settings, document and
/// task calls use the admin key; every search uses a backend tenant token signed by <see cref="BackendTokenSigner"/>
/// (issued to and cached by the tenant grain, see <see cref="IBackendCredentialIssuer"/>), whose rule makes Meilisearch AND <c>_tenant = "{tenant}"</c> onto the search, so isolation holds twice: in the request
/// the engine builds and in Meilisearch's own enforcement of the token. Writes wait for their task, so a call
/// returns once the change is visible. Layout and id scheme: <see cref="PhysicalLayout"/>. This class checks each
/// call and hands it to the logical indexes, the document writer or reader, or the searcher.
/// </summary>
public sealed class MeilisearchSearchEngine : ISearchEngine, IBackendCredentialIssuer, IDisposable
{
    private readonly PhysicalLayout _layout;
    private readonly BackendKeyIssuer _keys;
    private readonly LogicalIndexes _indexes;
    private readonly DocumentWriter _writer;
    private readonly DocumentReader _reader;
    private readonly TenantSearcher _searcher;
    private bool _disposed;

    /// <summary>
    /// Creates the engine. <paramref name="clients"/> is called per operation, so a client from
    /// <c>IHttpClientFactory</c> (whose handlers rotate) is never held for the engine's lifetime.
    /// </summary>
    internal MeilisearchSearchEngine(Func<MeilisearchClient> clients, IOptions<MeilisearchOptions> options, TimeProvider timeProvider, TaskWaitOptions? taskWait = null)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var errors = new MeilisearchOptionsValidator().Validate(null, options.Value);
        if (errors.Failed)
        {
            throw new ArgumentException(errors.FailureMessage, nameof(options));
        }

        var settings = options.Value;
        var calls = new AdminCalls(clients, new AdminCredential(settings.ApiKey!), taskWait ?? TaskWaitOptions.Default);
        _layout = new PhysicalLayout(settings.IndexPrefix, settings.DedicatedIndexes);
        var physical = new PhysicalIndexes(calls, _layout);
        var primaryKeys = new PrimaryKeyCatalog(calls, physical, settings.CatalogIndex);
        _keys = new BackendKeyIssuer(calls, settings, _layout, timeProvider);
        _indexes = new LogicalIndexes(calls, _layout, physical, primaryKeys);
        _writer = new DocumentWriter(calls, _layout, physical, primaryKeys);
        _reader = new DocumentReader(calls, _layout, physical);
        _searcher = new TenantSearcher(_keys, _layout, physical);
    }

    /// <summary>Creates the engine over one client (tests, tools).</summary>
    internal MeilisearchSearchEngine(MeilisearchClient client, IOptions<MeilisearchOptions> options, TimeProvider timeProvider, TaskWaitOptions? taskWait = null)
        : this(() => client, options, timeProvider, taskWait)
    {
        ArgumentNullException.ThrowIfNull(client);
    }

    /// <inheritdoc />
    public long Generation => _keys.Generation;

    /// <summary>
    /// Ensures the backend search key exists (creating it once) and readies the token signer. Optional: the first
    /// search does it too. Call at start-up to fail fast on a wrong admin key.
    /// </summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => _keys.SignerAsync(cancellationToken);

    /// <summary>
    /// A backend token for <paramref name="scope"/>'s tenant and rule, for the tenant grain to cache and pass back in
    /// <see cref="TenantScope.Credential"/>. The engine keeps none itself.
    /// </summary>
    public async ValueTask<BackendCredential> IssueAsync(TenantScope scope, CancellationToken cancellationToken = default)
    {
        Tenant(scope);
        return (await _keys.SignerAsync(cancellationToken)).Issue(scope);
    }

    // Every call is async, so even an argument error reaches the caller through the returned task.

    /// <inheritdoc />
    public async Task<IndexInfo> CreateIndexAsync(string indexUid, string? primaryKey = null, CancellationToken cancellationToken = default)
    {
        CheckIndex(indexUid);
        CheckPrimaryKeyName(primaryKey);
        return await _indexes.CreateAsync(indexUid, primaryKey, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IndexInfo> GetIndexAsync(string indexUid, CancellationToken cancellationToken = default)
    {
        CheckIndex(indexUid);
        return await _indexes.GetAsync(indexUid, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> DeleteIndexAsync(string indexUid, CancellationToken cancellationToken = default)
    {
        CheckIndex(indexUid);
        return await _indexes.DeleteAsync(indexUid, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IndexSettings> GetSettingsAsync(string indexUid, CancellationToken cancellationToken = default)
    {
        CheckIndex(indexUid);
        return await _indexes.GetSettingsAsync(indexUid, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IndexSettings> UpdateSettingsAsync(string indexUid, IndexSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        CheckIndex(indexUid);
        SearchBodies.CheckSettings(settings);
        return await _indexes.UpdateSettingsAsync(indexUid, settings, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<DocumentWriteResult> AddDocumentsAsync(
        TenantScope scope,
        string indexUid,
        IReadOnlyList<JsonObject> documents,
        DocumentWriteMode mode,
        string? primaryKey = null,
        CancellationToken cancellationToken = default)
    {
        var tenant = Tenant(scope);
        ArgumentNullException.ThrowIfNull(documents);
        _layout.ValidateLogicalUid(indexUid);
        CheckPrimaryKeyName(primaryKey);
        return await _writer.AddAsync(tenant, indexUid, documents, mode, primaryKey, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<DocumentDeletionResult> DeleteDocumentsAsync(TenantScope scope, string indexUid, IReadOnlyList<string> documentIds, CancellationToken cancellationToken = default)
    {
        var tenant = Tenant(scope);
        ArgumentNullException.ThrowIfNull(documentIds);
        _layout.ValidateLogicalUid(indexUid);
        return await _writer.DeleteAsync(tenant, indexUid, documentIds, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<DocumentDeletionResult> DeleteDocumentsByFilterAsync(TenantScope scope, string indexUid, FilterExpression filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var tenant = Tenant(scope);
        _layout.ValidateLogicalUid(indexUid);
        return await _writer.DeleteByFilterAsync(tenant, indexUid, filter, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<DocumentDeletionResult> DeleteAllDocumentsAsync(TenantScope scope, string indexUid, CancellationToken cancellationToken = default)
    {
        var tenant = Tenant(scope);
        _layout.ValidateLogicalUid(indexUid);
        return await _writer.DeleteAllAsync(tenant, indexUid, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<JsonObject> GetDocumentAsync(TenantScope scope, string indexUid, string documentId, IReadOnlyList<string>? fields = null, CancellationToken cancellationToken = default)
    {
        var tenant = Tenant(scope);
        ArgumentNullException.ThrowIfNull(documentId);
        _layout.ValidateLogicalUid(indexUid);
        return await _reader.GetAsync(tenant, indexUid, documentId, fields, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<DocumentsPage> GetDocumentsAsync(TenantScope scope, string indexUid, DocumentsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var tenant = Tenant(scope);
        _layout.ValidateLogicalUid(indexUid);
        return await _reader.BrowseAsync(tenant, indexUid, query, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<SearchResponse> SearchAsync(TenantScope scope, string indexUid, SearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Tenant(scope);
        _layout.ValidateLogicalUid(indexUid);
        return await _searcher.SearchAsync(scope, indexUid, request, cancellationToken);
    }

    /// <summary>Facet search with the tenant's backend token, like a search: Meilisearch fuses the isolation filter too.</summary>
    public async Task<FacetSearchResponse> FacetSearchAsync(TenantScope scope, string indexUid, FacetSearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Tenant(scope);
        _layout.ValidateLogicalUid(indexUid);
        return await _searcher.FacetSearchAsync(scope, indexUid, request, cancellationToken);
    }

    /// <summary>Forgets the signing key. The engine owns no connection: clients come from the factory.</summary>
    public void Dispose()
    {
        _disposed = true;
        _keys.Forget();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private static void CheckPrimaryKeyName(string? primaryKey)
    {
        if (primaryKey is not null)
        {
            SearchBodies.CheckNames([primaryKey], "a primary key");
        }
    }

    private void CheckIndex(string indexUid)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _layout.ValidateLogicalUid(indexUid);
    }

    private string Tenant(TenantScope scope)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (scope.IsEmpty)
        {
            throw new ArgumentException("A tenant scope is required.", nameof(scope));
        }

        return scope.TenantUid;
    }
}
