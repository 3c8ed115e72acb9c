using System.Globalization;
using System.Text.Json;
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
/// returns once the change is visible. Layout and id scheme: <see cref="PhysicalLayout"/>.
/// </summary>
public sealed class MeilisearchSearchEngine : ISearchEngine, IBackendCredentialIssuer, IDisposable
{
    private const string PidAttribute = PhysicalLayout.PidAttribute;
    private const string TenantAttribute = PhysicalLayout.TenantAttribute;

    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Func<MeilisearchClient> _clients;
    private readonly MeilisearchOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly AdminCredential _admin;
    private readonly PhysicalLayout _layout;
    private readonly TaskWaitOptions _taskWait;
    private readonly SemaphoreSlim _keyGate = new(1, 1);
    private volatile BackendTokenSigner? _signer;
    private long _generation;
    private bool _disposed;

    /// <summary>
    /// Creates the engine. <paramref name="clients"/> is called per operation, so a client from
    /// <c>IHttpClientFactory</c> (whose handlers rotate) is never held for the engine's lifetime.
    /// </summary>
    public MeilisearchSearchEngine(Func<MeilisearchClient> clients, IOptions<MeilisearchOptions> options, TimeProvider timeProvider, TaskWaitOptions? taskWait = null)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var errors = new MeilisearchOptionsValidator().Validate(null, options.Value);
        if (errors.Failed)
        {
            throw new ArgumentException(errors.FailureMessage, nameof(options));
        }

        _clients = clients;
        _options = options.Value;
        _timeProvider = timeProvider;
        _admin = new AdminCredential(_options.ApiKey!);
        _layout = new PhysicalLayout(_options.IndexPrefix, _options.DedicatedIndexes);
        _taskWait = taskWait ?? TaskWaitOptions.Default;
    }

    /// <summary>Creates the engine over one client (tests, tools).</summary>
    public MeilisearchSearchEngine(MeilisearchClient client, IOptions<MeilisearchOptions> options, TimeProvider timeProvider, TaskWaitOptions? taskWait = null)
        : this(() => client, options, timeProvider, taskWait)
    {
        ArgumentNullException.ThrowIfNull(client);
    }

    /// <inheritdoc />
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>
    /// Ensures the backend search key exists (creating it once) and readies the token signer. Optional: the first
    /// search does it too. Call at start-up to fail fast on a wrong admin key.
    /// </summary>
    public async Task<BackendTokenSigner> InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (_signer is { } ready)
        {
            return ready;
        }

        await _keyGate.WaitAsync(cancellationToken);
        try
        {
            if (_signer is null)
            {
                var uid = _options.SearchKeyUid ?? BackendSearchKey.DefaultUid(_layout.Prefix);
                var key = await Call(c => BackendSearchKey.EnsureAsync(c, _admin, uid, _layout.IndexPattern, cancellationToken), null);
                _signer = new BackendTokenSigner(key, _layout.IndexPattern, _options.TokenLifetime, _options.TokenRefreshRatio, Generation, _timeProvider);
            }

            return _signer;
        }
        finally
        {
            _keyGate.Release();
        }
    }

    /// <summary>
    /// A backend token for <paramref name="scope"/>'s tenant and rule, for the tenant grain to cache and pass back in
    /// <see cref="TenantScope.Credential"/>. The engine keeps none itself.
    /// </summary>
    public async ValueTask<BackendCredential> IssueAsync(TenantScope scope, CancellationToken cancellationToken = default)
    {
        Tenant(scope);
        return (await InitializeAsync(cancellationToken)).Issue(scope);
    }

    private async Task ForgetSearchKeyAsync(BackendTokenSigner refused, CancellationToken cancellationToken)
    {
        await _keyGate.WaitAsync(cancellationToken);
        try
        {
            // Only the first of several searches refused at once starts a new generation.
            if (ReferenceEquals(_signer, refused))
            {
                _signer = null;
                Interlocked.Increment(ref _generation);
            }
        }
        finally
        {
            _keyGate.Release();
        }
    }

    // ---- indexes -------------------------------------------------------------------------------------------

    /// <inheritdoc />
    public async Task<IndexInfo> CreateIndexAsync(string indexUid, string? primaryKey = null, CancellationToken cancellationToken = default)
    {
        CheckOpen();
        _layout.ValidateLogicalUid(indexUid);
        CheckPrimaryKeyName(primaryKey);
        var physical = _layout.DefinitionIndex(indexUid);
        await CreatePhysicalAsync(indexUid, physical, filterable: [TenantAttribute], cancellationToken);
        if (primaryKey is not null)
        {
            await WritePrimaryKeyAsync(indexUid, primaryKey, cancellationToken);
        }

        return new IndexInfo(indexUid, primaryKey);
    }

    /// <inheritdoc />
    public async Task<IndexInfo> GetIndexAsync(string indexUid, CancellationToken cancellationToken = default)
    {
        CheckOpen();
        _layout.ValidateLogicalUid(indexUid);
        var physical = _layout.DefinitionIndex(indexUid);
        await Call(c => c.GetIndexAsync(_admin, physical, cancellationToken), new(indexUid, physical));
        return new IndexInfo(indexUid, await ReadPrimaryKeyAsync(indexUid, cancellationToken));
    }

    /// <inheritdoc />
    public async Task<bool> DeleteIndexAsync(string indexUid, CancellationToken cancellationToken = default)
    {
        CheckOpen();
        _layout.ValidateLogicalUid(indexUid);
        if (_layout.IsDedicated(indexUid))
        {
            foreach (var tenantIndex in await TenantIndexesAsync(indexUid, cancellationToken))
            {
                await DeletePhysicalAsync(indexUid, tenantIndex, cancellationToken);
            }
        }

        var existed = await DeletePhysicalAsync(indexUid, _layout.DefinitionIndex(indexUid), cancellationToken);
        await DeletePrimaryKeyAsync(indexUid, cancellationToken);
        return existed;
    }

    /// <inheritdoc />
    public async Task<IndexSettings> GetSettingsAsync(string indexUid, CancellationToken cancellationToken = default)
    {
        CheckOpen();
        _layout.ValidateLogicalUid(indexUid);
        var physical = _layout.DefinitionIndex(indexUid);
        var settings = await Call(c => c.GetSettingsAsync(_admin, physical, cancellationToken), new(indexUid, physical));
        return FromPhysical(settings) with { PrimaryKey = await ReadPrimaryKeyAsync(indexUid, cancellationToken) };
    }

    /// <inheritdoc />
    public async Task<IndexSettings> UpdateSettingsAsync(string indexUid, IndexSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        CheckOpen();
        _layout.ValidateLogicalUid(indexUid);
        SearchBodies.CheckSettings(settings);
        var physical = _layout.DefinitionIndex(indexUid);
        var current = (await GetIndexAsync(indexUid, cancellationToken)).PrimaryKey;
        var primaryKey = settings.PrimaryKey ?? current;
        if (current is not null && primaryKey != current && await HasTenantDocumentsAsync(indexUid, cancellationToken))
        {
            throw SearchEngineErrors.PrimaryKeyAlreadyPresent(indexUid, current);
        }

        var targets = new List<string> { physical };
        if (_layout.IsDedicated(indexUid))
        {
            targets.AddRange(await TenantIndexesAsync(indexUid, cancellationToken));
        }

        foreach (var target in targets)
        {
            var task = await Call(c => c.UpdateSettingsAsync(_admin, target, ToPhysical(settings), cancellationToken), new(indexUid, target));
            await WaitAsync(task, new(indexUid, target), cancellationToken);
        }

        if (primaryKey != current && primaryKey is not null)
        {
            await WritePrimaryKeyAsync(indexUid, primaryKey, cancellationToken);
        }

        return settings with { PrimaryKey = primaryKey };
    }

    // ---- documents -----------------------------------------------------------------------------------------

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
        foreach (var document in documents)
        {
            SearchBodies.CheckDocument(document);
        }

        var definition = _layout.DefinitionIndex(indexUid);
        var current = await ReadOrCreateDefinitionAsync(indexUid, definition, cancellationToken);
        if (primaryKey is not null && current is not null && primaryKey != current)
        {
            throw SearchEngineErrors.PrimaryKeyAlreadyPresent(indexUid, current);
        }

        if (documents.Count == 0)
        {
            return new DocumentWriteResult(0, 0);
        }

        // Everything a batch can fail on is checked here, before anything is written: the batch is all-or-nothing.
        var key = current ?? primaryKey ?? InferPrimaryKey(documents[0]);
        var batch = new JsonArray();
        foreach (var document in documents)
        {
            var id = ExtractId(document, key);
            var stamped = (JsonObject)document.DeepClone();
            stamped[TenantAttribute] = tenant;
            stamped[PidAttribute] = PhysicalLayout.Pid(tenant, id);
            batch.Add(stamped);
        }

        if (current is null)
        {
            await WritePrimaryKeyAsync(indexUid, key, cancellationToken);
        }

        var target = _layout.DocumentIndex(indexUid, tenant);
        if (target != definition)
        {
            await EnsureTenantIndexAsync(indexUid, definition, target, cancellationToken);
        }

        var enqueued = await Call(
            c => mode == DocumentWriteMode.AddOrReplace
                ? c.AddOrReplaceDocumentsAsync(_admin, target, batch, PidAttribute, cancellationToken)
                : c.AddOrUpdateDocumentsAsync(_admin, target, batch, PidAttribute, cancellationToken),
            new(indexUid, target));
        var task = await WaitAsync(enqueued, new(indexUid, target), cancellationToken);
        return new DocumentWriteResult(Detail(task, "receivedDocuments", documents.Count), Detail(task, "indexedDocuments", documents.Count));
    }

    /// <inheritdoc />
    public async Task<DocumentDeletionResult> DeleteDocumentsAsync(TenantScope scope, string indexUid, IReadOnlyList<string> documentIds, CancellationToken cancellationToken = default)
    {
        var tenant = Tenant(scope);
        ArgumentNullException.ThrowIfNull(documentIds);
        _layout.ValidateLogicalUid(indexUid);

        // Ids that cannot exist are skipped (as in the embedded engine); the rest are namespaced to the tenant.
        var pids = documentIds.Where(PhysicalLayout.IsValidDocumentId).Distinct(StringComparer.Ordinal)
            .Select(id => PhysicalLayout.Pid(tenant, id)).ToList();
        var target = _layout.DocumentIndex(indexUid, tenant);
        if (pids.Count == 0)
        {
            await RequireDocumentIndexAsync(indexUid, target, cancellationToken);
            return new DocumentDeletionResult(documentIds.Count, 0);
        }

        var deleted = await DeleteAsync(indexUid, target, c => c.DeleteDocumentsAsync(_admin, target, pids, cancellationToken), cancellationToken);
        return new DocumentDeletionResult(documentIds.Count, deleted);
    }

    /// <inheritdoc />
    public async Task<DocumentDeletionResult> DeleteDocumentsByFilterAsync(TenantScope scope, string indexUid, FilterExpression filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var tenant = Tenant(scope);
        _layout.ValidateLogicalUid(indexUid);
        SearchBodies.CheckFilter(filter, SearchBodies.DocumentFilterError);
        var target = _layout.DocumentIndex(indexUid, tenant);
        var isolated = SearchBodies.Isolated(filter, tenant);
        return new DocumentDeletionResult(0, await DeleteAsync(indexUid, target, c => c.DeleteDocumentsByFilterAsync(_admin, target, isolated, cancellationToken), cancellationToken));
    }

    /// <inheritdoc />
    public async Task<DocumentDeletionResult> DeleteAllDocumentsAsync(TenantScope scope, string indexUid, CancellationToken cancellationToken = default)
    {
        var tenant = Tenant(scope);
        _layout.ValidateLogicalUid(indexUid);
        var target = _layout.DocumentIndex(indexUid, tenant);
        var isolation = JsonValue.Create(PhysicalLayout.IsolationFilter(tenant));
        return new DocumentDeletionResult(0, await DeleteAsync(indexUid, target, c => c.DeleteDocumentsByFilterAsync(_admin, target, isolation, cancellationToken), cancellationToken));
    }

    /// <inheritdoc />
    public async Task<JsonObject> GetDocumentAsync(TenantScope scope, string indexUid, string documentId, IReadOnlyList<string>? fields = null, CancellationToken cancellationToken = default)
    {
        var tenant = Tenant(scope);
        ArgumentNullException.ThrowIfNull(documentId);
        _layout.ValidateLogicalUid(indexUid);
        SearchBodies.CheckNames(fields, "fields");
        var target = _layout.DocumentIndex(indexUid, tenant);
        if (!PhysicalLayout.IsValidDocumentId(documentId))
        {
            await RequireDocumentIndexAsync(indexUid, target, cancellationToken);
            throw SearchEngineErrors.DocumentNotFound(documentId);
        }

        JsonObject document;
        try
        {
            document = await Call(c => c.GetDocumentAsync(_admin, target, PhysicalLayout.Pid(tenant, documentId), fields, cancellationToken), new(indexUid, target));
        }
        catch (SearchEngineException e) when (e.Code == "document_not_found")
        {
            throw SearchEngineErrors.DocumentNotFound(documentId);
        }
        catch (SearchEngineException e) when (e.Code == "index_not_found" && target != _layout.DefinitionIndex(indexUid))
        {
            await RequireDocumentIndexAsync(indexUid, _layout.DefinitionIndex(indexUid), cancellationToken);
            throw SearchEngineErrors.DocumentNotFound(documentId);
        }

        // The pid already names the tenant; the stored attribute is checked too whenever it is displayed.
        if (document[TenantAttribute] is JsonValue owner && owner.GetValueKind() == JsonValueKind.String && owner.GetValue<string>() != tenant)
        {
            throw SearchEngineErrors.DocumentNotFound(documentId);
        }

        return SearchBodies.StripDocument(document);
    }

    /// <inheritdoc />
    public async Task<DocumentsPage> GetDocumentsAsync(TenantScope scope, string indexUid, DocumentsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var tenant = Tenant(scope);
        _layout.ValidateLogicalUid(indexUid);
        SearchBodies.CheckNames(query.Fields, "fields");
        SearchBodies.CheckFilter(query.Filter, SearchBodies.DocumentFilterError);
        if (query.Offset < 0 || query.Limit < 0)
        {
            throw new SearchEngineException(query.Offset < 0 ? "invalid_document_offset" : "invalid_document_limit", "Offset and limit must be non-negative integers.");
        }

        var target = _layout.DocumentIndex(indexUid, tenant);
        var fetch = new Meilisearch.DocumentsQuery
        {
            Filter = SearchBodies.Isolated(query.Filter, tenant),
            Fields = query.Fields,
            Offset = query.Offset,
            Limit = query.Limit,
        };
        try
        {
            var page = await Call(c => c.FetchDocumentsAsync(_admin, target, fetch, cancellationToken), new(indexUid, target));
            return new DocumentsPage(
                page.Results.Select(d => SearchBodies.StripDocument(d)).ToList(),
                page.Offset,
                page.Limit,
                (int)Math.Min(page.Total, int.MaxValue));
        }
        catch (SearchEngineException e) when (e.Code == "index_not_found" && target != _layout.DefinitionIndex(indexUid))
        {
            await RequireDocumentIndexAsync(indexUid, _layout.DefinitionIndex(indexUid), cancellationToken);
            return new DocumentsPage([], query.Offset, query.Limit, 0);
        }
    }

    // ---- search --------------------------------------------------------------------------------------------

    /// <inheritdoc />
    public async Task<SearchResponse> SearchAsync(TenantScope scope, string indexUid, SearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var tenant = Tenant(scope);
        _layout.ValidateLogicalUid(indexUid);
        SearchBodies.CheckSearch(request);
        var target = _layout.DocumentIndex(indexUid, tenant);
        var body = SearchBodies.ToBody(request, tenant);
        try
        {
            var answer = await WithBackendToken(scope, (client, credential) => client.SearchAsync(credential, target, body, cancellationToken), new(indexUid, target), cancellationToken);
            var response = SearchBodies.FromBody(answer, request);
            return _layout.IsDedicated(indexUid) ? response : await WithOwnFacetSpellings(scope, indexUid, target, response, cancellationToken);
        }
        catch (SearchEngineException e) when (e.Code == "index_not_found" && target != _layout.DefinitionIndex(indexUid))
        {
            await RequireDocumentIndexAsync(indexUid, _layout.DefinitionIndex(indexUid), cancellationToken);
            return SearchBodies.Empty(request);
        }
    }

    /// <summary>Facet search with the tenant's backend token, like a search: Meilisearch fuses the isolation filter too.</summary>
    public async Task<FacetSearchResponse> FacetSearchAsync(TenantScope scope, string indexUid, FacetSearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Tenant(scope);
        _layout.ValidateLogicalUid(indexUid);
        var body = SearchBodies.ToFacetBody(request, scope.TenantUid);
        var target = _layout.DocumentIndex(indexUid, scope.TenantUid);
        try
        {
            var answer = await WithBackendToken(scope, (client, credential) => client.FacetSearchAsync(credential, target, body, cancellationToken), new(indexUid, target), cancellationToken);
            var response = SearchBodies.FromFacetBody(answer);
            if (_layout.IsDedicated(indexUid) || response.FacetHits.Count == 0)
            {
                return response;
            }

            // A shared index: Meilisearch may have spelled a value as another tenant's document does.
            var spelled = await FacetSpellings.SpellAsync(response.FacetHits, request.FacetName, scope.TenantUid, lookup =>
                WithBackendToken(scope, (client, credential) => client.SearchAsync(credential, target, lookup, cancellationToken), new(indexUid, target), cancellationToken));
            return response with { FacetHits = spelled };
        }
        catch (SearchEngineException e) when (e.Code == "index_not_found" && target != _layout.DefinitionIndex(indexUid))
        {
            // As for a search: a dedicated tenant index appears on the tenant's first write, so until then the
            // tenant has no values, unless the logical index itself is missing.
            await RequireDocumentIndexAsync(indexUid, _layout.DefinitionIndex(indexUid), cancellationToken);
            return SearchBodies.EmptyFacetSearch(request);
        }
    }

    /// <summary>
    /// A shared index's facet distribution spelled as the tenant's own documents spell each value. Past a
    /// candidate-count threshold, or when values are sorted by count, Meilisearch takes a value's spelling from any
    /// document holding it, possibly another tenant's (see <see cref="FacetSpellings"/>). One lookup per facet, run
    /// together; facets whose values are all numbers have no spelling to fix.
    /// </summary>
    private async Task<SearchResponse> WithOwnFacetSpellings(TenantScope scope, string indexUid, string target, SearchResponse response, CancellationToken cancellationToken)
    {
        if (response.FacetDistribution is not { Count: > 0 } distribution)
        {
            return response;
        }

        var textual = distribution.Where(f => f.Value.Keys.Any(v => !double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _))).ToList();
        if (textual.Count == 0)
        {
            return response;
        }

        var spelled = await Task.WhenAll(textual.Select(facet => FacetSpellings.SpellAsync(
            [.. facet.Value.Select(v => new FacetHit(v.Key, v.Value))], facet.Key, scope.TenantUid, lookup =>
                WithBackendToken(scope, (client, credential) => client.SearchAsync(credential, target, lookup, cancellationToken), new(indexUid, target), cancellationToken))));
        var fixedByName = textual.Select((facet, i) => (facet.Key, Values: spelled[i])).ToDictionary(f => f.Key, f => f.Values, StringComparer.Ordinal);
        var result = new Dictionary<string, IReadOnlyDictionary<string, int>>(distribution.Count, StringComparer.Ordinal);
        foreach (var (name, values) in distribution)
        {
            result[name] = fixedByName.TryGetValue(name, out var hits) ? hits.ToDictionary(h => h.Value, h => h.Count, StringComparer.Ordinal) : values;
        }

        return response with { FacetDistribution = result };
    }

    /// <summary>
    /// Runs a search-path call with the scope's backend token. When Meilisearch refuses the token (the search key was
    /// deleted, or Meilisearch's master key changed and every key value with it), the key is found or created again
    /// and the call retried once with a fresh token; the new generation tells the tenant grain to drop its cached one.
    /// </summary>
    private async Task<JsonObject> WithBackendToken(
        TenantScope scope, Func<MeilisearchClient, SearchCredential, Task<JsonObject>> call, EngineErrors.Target target, CancellationToken cancellationToken)
    {
        var signer = await InitializeAsync(cancellationToken);
        try
        {
            return await call(_clients(), signer.CredentialFor(scope));
        }
        catch (MeilisearchApiException e) when (EngineErrors.IsCredentialRefused(e))
        {
            await ForgetSearchKeyAsync(signer, cancellationToken);
            var credential = (await InitializeAsync(cancellationToken)).CredentialFor(scope with { Credential = null });
            return await Call(client => call(client, credential), target);
        }
        catch (Exception e) when (EngineErrors.Translate(e, target) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>Forgets the signing key. The engine owns no connection: clients come from the factory.</summary>
    public void Dispose()
    {
        _disposed = true;
        _signer = null;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    // ---- physical indexes ----------------------------------------------------------------------------------

    private async Task CreatePhysicalAsync(string logical, string physical, IReadOnlyList<string> filterable, CancellationToken cancellationToken)
    {
        var target = new EngineErrors.Target(logical, physical);
        var created = await Call(c => c.CreateIndexAsync(_admin, physical, PidAttribute, cancellationToken), target);
        var task = await Call(c => c.WaitForTaskAsync(_admin, created.TaskUid, _taskWait, cancellationToken), target);
        if (task.Status != MeilisearchTaskStatus.Succeeded)
        {
            throw task.Error?.Code == "index_already_exists" && physical == _layout.DefinitionIndex(logical)
                ? SearchEngineErrors.IndexAlreadyExists(logical)
                : EngineErrors.FromTask(task, target);
        }

        // Only after the creation succeeded: on an existing index this would replace its filterable attributes.
        var settings = new JsonObject { ["filterableAttributes"] = new JsonArray([.. filterable.Select(f => (JsonNode)JsonValue.Create(f))]) };
        var update = await Call(c => c.UpdateSettingsAsync(_admin, physical, settings, cancellationToken), target);
        await WaitAsync(update, target, cancellationToken);
    }

    private async Task<bool> DeletePhysicalAsync(string logical, string physical, CancellationToken cancellationToken)
    {
        var target = new EngineErrors.Target(logical, physical);
        var enqueued = await Call(c => c.DeleteIndexAsync(_admin, physical, cancellationToken), target);
        var task = await Call(c => c.WaitForTaskAsync(_admin, enqueued.TaskUid, _taskWait, cancellationToken), target);
        if (task.Status == MeilisearchTaskStatus.Succeeded)
        {
            return true;
        }

        return task.Error?.Code == "index_not_found" ? false : throw EngineErrors.FromTask(task, target);
    }

    /// <summary>The tenant indexes of a dedicated logical index, found by listing the physical indexes.</summary>
    private async Task<List<string>> TenantIndexesAsync(string logical, CancellationToken cancellationToken)
    {
        const int PageSize = 100;
        var found = new List<string>();
        for (var offset = 0; ; offset += PageSize)
        {
            var page = await Call(c => c.ListIndexesAsync(_admin, offset, PageSize, cancellationToken), null);
            found.AddRange(page.Results.Select(i => i.Uid).Where(uid => _layout.IsTenantIndexOf(uid, logical)));
            if (page.Results.Count < PageSize || offset + PageSize >= page.Total)
            {
                return found;
            }
        }
    }

    /// <summary>Creates a dedicated tenant index on first write, with the definition's settings.</summary>
    private async Task EnsureTenantIndexAsync(string logical, string definition, string tenantIndex, CancellationToken cancellationToken)
    {
        try
        {
            await Call(c => c.GetIndexAsync(_admin, tenantIndex, cancellationToken), new(logical, tenantIndex));
            return;
        }
        catch (SearchEngineException e) when (e.Code == "index_not_found")
        {
        }

        var settings = FromPhysical(await Call(c => c.GetSettingsAsync(_admin, definition, cancellationToken), new(logical, definition)));
        try
        {
            await CreatePhysicalAsync(logical, tenantIndex, [TenantAttribute], cancellationToken);
        }
        catch (SearchEngineException e) when (e.Code == "index_already_exists")
        {
            return; // created concurrently, settings included
        }

        var update = await Call(c => c.UpdateSettingsAsync(_admin, tenantIndex, ToPhysical(settings), cancellationToken), new(logical, tenantIndex));
        await WaitAsync(update, new(logical, tenantIndex), cancellationToken);
    }

    /// <summary>Fails with the logical <c>index_not_found</c> unless <paramref name="physical"/> exists.</summary>
    private async Task RequireDocumentIndexAsync(string logical, string physical, CancellationToken cancellationToken)
    {
        try
        {
            await Call(c => c.GetIndexAsync(_admin, physical, cancellationToken), new(logical, physical));
        }
        catch (SearchEngineException e) when (e.Code == "index_not_found" && physical != _layout.DefinitionIndex(logical))
        {
            await Call(c => c.GetIndexAsync(_admin, _layout.DefinitionIndex(logical), cancellationToken), new(logical, _layout.DefinitionIndex(logical)));
        }
    }

    private async Task<int> DeleteAsync(string logical, string target, Func<MeilisearchClient, Task<EnqueuedTask>> delete, CancellationToken cancellationToken)
    {
        EnqueuedTask enqueued;
        TaskInfo task;
        try
        {
            enqueued = await Call(delete, new(logical, target));
            task = await WaitAsync(enqueued, new(logical, target), cancellationToken);
        }
        catch (SearchEngineException e) when (e.Code == "index_not_found" && target != _layout.DefinitionIndex(logical))
        {
            await RequireDocumentIndexAsync(logical, _layout.DefinitionIndex(logical), cancellationToken);
            return 0;
        }

        return Detail(task, "deletedDocuments", 0);
    }

    private async Task<bool> HasTenantDocumentsAsync(string logical, CancellationToken cancellationToken)
    {
        var targets = new List<string> { _layout.DefinitionIndex(logical) };
        if (_layout.IsDedicated(logical))
        {
            targets.AddRange(await TenantIndexesAsync(logical, cancellationToken));
        }

        var probe = new Meilisearch.DocumentsQuery { Filter = JsonValue.Create(TenantAttribute + " EXISTS"), Fields = [PidAttribute], Limit = 1 };
        foreach (var target in targets)
        {
            if ((await Call(c => c.FetchDocumentsAsync(_admin, target, probe, cancellationToken), new(logical, target))).Total > 0)
            {
                return true;
            }
        }

        return false;
    }

    // ---- the logical primary key (catalog index) -----------------------------------------------------------

    // The physical primary key is always _pid, so the logical one is recorded in the catalog index, one document per
    // logical index: {"uid": "products", "primaryKey": "id"}. Outside the index prefix, so no token can reach it.
    private const string CatalogKey = "uid";
    private const string CatalogPrimaryKey = "primaryKey";

    private async Task WritePrimaryKeyAsync(string logical, string primaryKey, CancellationToken cancellationToken)
    {
        var catalog = _options.CatalogIndex;
        var entry = new JsonObject { [CatalogKey] = logical, [CatalogPrimaryKey] = primaryKey };
        var enqueued = await Call(c => c.AddOrReplaceDocumentsAsync(_admin, catalog, [entry], CatalogKey, cancellationToken), null);
        await WaitAsync(enqueued, null, cancellationToken);
    }

    private async Task DeletePrimaryKeyAsync(string logical, CancellationToken cancellationToken)
    {
        var catalog = _options.CatalogIndex;
        var enqueued = await Call(c => c.DeleteDocumentAsync(_admin, catalog, logical, cancellationToken), null);
        var task = await Call(c => c.WaitForTaskAsync(_admin, enqueued.TaskUid, _taskWait, cancellationToken), null);
        if (task.Status != MeilisearchTaskStatus.Succeeded && task.Error?.Code != "index_not_found")
        {
            throw EngineErrors.FromTask(task, null);
        }
    }

    /// <summary>The logical primary key, or null before one is set or inferred.</summary>
    private async Task<string?> ReadPrimaryKeyAsync(string logical, CancellationToken cancellationToken)
    {
        try
        {
            var entry = await Call(c => c.GetDocumentAsync(_admin, _options.CatalogIndex, logical, [CatalogPrimaryKey], cancellationToken), null);
            return entry[CatalogPrimaryKey] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
        }
        catch (SearchEngineException e) when (e.Code is "document_not_found" or "index_not_found")
        {
            return null;
        }
    }

    /// <summary>The logical primary key; creates the index (no key yet) when it does not exist.</summary>
    private async Task<string?> ReadOrCreateDefinitionAsync(string logical, string physical, CancellationToken cancellationToken)
    {
        if (await ReadPrimaryKeyAsync(logical, cancellationToken) is { } primaryKey)
        {
            return primaryKey;
        }

        try
        {
            await Call(c => c.GetIndexAsync(_admin, physical, cancellationToken), new(logical, physical));
            return null;
        }
        catch (SearchEngineException e) when (e.Code == "index_not_found")
        {
        }

        try
        {
            await CreatePhysicalAsync(logical, physical, [TenantAttribute], cancellationToken);
            return null;
        }
        catch (SearchEngineException e) when (e.Code == "index_already_exists")
        {
            return await ReadPrimaryKeyAsync(logical, cancellationToken);
        }
    }

    // ---- settings mapping ----------------------------------------------------------------------------------

    /// <summary>
    /// Logical settings as the physical index needs them: <c>_tenant</c> always filterable, and displayed whenever the
    /// displayed attributes are an explicit list. Meilisearch ends an error's list of filterable attributes with
    /// <c>&lt;..hidden-attributes&gt;</c> when one of them is not displayed, so a hidden <c>_tenant</c> would put that
    /// marker into every such error; the engine strips <c>_tenant</c> from everything it returns anyway.
    /// </summary>
    private static JsonObject ToPhysical(IndexSettings settings)
    {
        var filterable = settings.FilterableAttributes.ToList();
        if (!filterable.Contains(TenantAttribute))
        {
            filterable.Add(TenantAttribute);
        }

        var displayed = settings.DisplayedAttributes.ToList();
        if (!displayed.Contains("*") && !displayed.Contains(TenantAttribute))
        {
            displayed.Add(TenantAttribute);
        }

        static JsonArray List(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);
        return new JsonObject
        {
            ["searchableAttributes"] = List(settings.SearchableAttributes),
            ["displayedAttributes"] = List(displayed),
            ["filterableAttributes"] = List(filterable),
            ["sortableAttributes"] = List(settings.SortableAttributes),
            ["distinctAttribute"] = settings.DistinctAttribute is { } distinct ? JsonValue.Create(distinct) : null,
        };
    }

    private static IndexSettings FromPhysical(JsonObject settings)
    {
        static List<string>? Strings(JsonNode? node) => node is JsonArray array
            ? array.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>()).ToList()
            : null;

        var defaults = new IndexSettings();
        return new IndexSettings
        {
            SearchableAttributes = Strings(settings["searchableAttributes"]) ?? [.. defaults.SearchableAttributes],
            DisplayedAttributes = (Strings(settings["displayedAttributes"]) ?? [.. defaults.DisplayedAttributes]).Where(a => a != TenantAttribute).ToList(),
            FilterableAttributes = (Strings(settings["filterableAttributes"]) ?? []).Where(a => a != TenantAttribute).ToList(),
            SortableAttributes = Strings(settings["sortableAttributes"]) ?? [],
            DistinctAttribute = settings["distinctAttribute"] is JsonValue d && d.GetValueKind() == JsonValueKind.String ? d.GetValue<string>() : null,
        };
    }

    // ---- ids -----------------------------------------------------------------------------------------------

    private static void CheckPrimaryKeyName(string? primaryKey)
    {
        if (primaryKey is null)
        {
            return;
        }

        SearchBodies.CheckNames([primaryKey], "a primary key");
    }

    /// <summary>Meilisearch's inference: the one top-level attribute of the first document whose name ends with <c>id</c>.</summary>
    private static string InferPrimaryKey(JsonObject first)
    {
        var candidates = first.Select(p => p.Key).Where(k => k.EndsWith("id", StringComparison.OrdinalIgnoreCase)).ToList();
        return candidates.Count switch
        {
            0 => throw SearchEngineErrors.NoPrimaryKeyCandidate(),
            1 => candidates[0],
            _ => throw SearchEngineErrors.MultiplePrimaryKeyCandidates(candidates),
        };
    }

    /// <summary>The id's canonical text (an integer's decimal form, or the string), validated like Meilisearch.</summary>
    private static string ExtractId(JsonObject document, string primaryKey)
    {
        if (!document.TryGetPropertyValue(primaryKey, out var node))
        {
            throw SearchEngineErrors.MissingDocumentId(primaryKey, document.ToJsonString(Readable));
        }

        if (node is JsonValue value)
        {
            switch (value.GetValueKind())
            {
                case JsonValueKind.String when PhysicalLayout.IsValidDocumentId(value.GetValue<string>()):
                    return value.GetValue<string>();
                case JsonValueKind.Number:
                    var raw = value.ToJsonString();
                    if (long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var signed))
                    {
                        return signed.ToString(CultureInfo.InvariantCulture);
                    }

                    if (ulong.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var unsigned))
                    {
                        return unsigned.ToString(CultureInfo.InvariantCulture);
                    }

                    break;
            }
        }

        throw SearchEngineErrors.InvalidDocumentId(node?.ToJsonString(Readable) ?? "null");
    }

    // ---- plumbing ------------------------------------------------------------------------------------------

    private string Tenant(TenantScope scope)
    {
        CheckOpen();
        if (scope.IsEmpty)
        {
            throw new ArgumentException("A tenant scope is required.", nameof(scope));
        }

        return scope.TenantUid;
    }

    private void CheckOpen() => ObjectDisposedException.ThrowIf(_disposed, this);

    private static int Detail(TaskInfo task, string name, int fallback) =>
        task.Details?[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? (int)v.GetValue<long>() : fallback;

    private async Task<TaskInfo> WaitAsync(EnqueuedTask enqueued, EngineErrors.Target? target, CancellationToken cancellationToken)
    {
        var task = await Call(c => c.WaitForTaskAsync(_admin, enqueued.TaskUid, _taskWait, cancellationToken), target);
        return task.Status == MeilisearchTaskStatus.Succeeded ? task : throw EngineErrors.FromTask(task, target);
    }

    /// <summary>Runs one client call, translating what can go wrong into <see cref="SearchEngineException"/>s.</summary>
    private async Task<T> Call<T>(Func<MeilisearchClient, Task<T>> call, EngineErrors.Target? target)
    {
        try
        {
            return await call(_clients());
        }
        catch (Exception e) when (EngineErrors.Translate(e, target) is { } translated)
        {
            throw translated;
        }
    }
}
