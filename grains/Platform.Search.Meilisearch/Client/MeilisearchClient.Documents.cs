using System.Text.Json.Nodes;

namespace Platform.Search.Meilisearch;

internal sealed partial class MeilisearchClient
{
    /// <summary>
    /// <c>POST /indexes/{uid}/documents</c>: add or <em>replace</em> whole documents. Never retried (a repeat would
    /// enqueue a second task).
    /// </summary>
    public Task<EnqueuedTask> AddOrReplaceDocumentsAsync(AdminCredential credential, string indexUid, JsonArray documents, string? primaryKey = null, CancellationToken cancellationToken = default) =>
        WriteDocumentsAsync(HttpMethod.Post, credential, indexUid, documents, primaryKey, cancellationToken);

    /// <summary>
    /// <c>PUT /indexes/{uid}/documents</c>: add or <em>update</em> documents (fields are merged shallowly). Never retried.
    /// </summary>
    public Task<EnqueuedTask> AddOrUpdateDocumentsAsync(AdminCredential credential, string indexUid, JsonArray documents, string? primaryKey = null, CancellationToken cancellationToken = default) =>
        WriteDocumentsAsync(HttpMethod.Put, credential, indexUid, documents, primaryKey, cancellationToken);

    /// <summary><c>GET /indexes/{uid}/documents/{id}?fields=a,b</c>; 404 <c>document_not_found</c> surfaces as <see cref="MeilisearchApiException"/>.</summary>
    public Task<JsonObject> GetDocumentAsync(AdminCredential credential, string indexUid, string documentId, IReadOnlyList<string>? fields = null, CancellationToken cancellationToken = default)
    {
        var query = new QueryString().AddList("fields", fields);
        return SendAsync<JsonObject>(
            Admin(HttpMethod.Get, $"indexes/{Segment(indexUid)}/documents/{Segment(documentId)}{query}", credential),
            cancellationToken);
    }

    /// <summary><c>POST /indexes/{uid}/documents/fetch</c>: a read, so retried like a GET.</summary>
    public Task<ResultsPage<JsonObject>> FetchDocumentsAsync(AdminCredential credential, string indexUid, DocumentsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return SendAsync<ResultsPage<JsonObject>>(
            Admin(HttpMethod.Post, $"indexes/{Segment(indexUid)}/documents/fetch", credential, MeilisearchJson.Content(query), idempotent: true),
            cancellationToken);
    }

    /// <summary><c>DELETE /indexes/{uid}/documents/{id}</c>; answers with the <c>documentDeletion</c> task.</summary>
    public Task<EnqueuedTask> DeleteDocumentAsync(AdminCredential credential, string indexUid, string documentId, CancellationToken cancellationToken = default) =>
        SendAsync<EnqueuedTask>(Admin(HttpMethod.Delete, $"indexes/{Segment(indexUid)}/documents/{Segment(documentId)}", credential), cancellationToken);

    /// <summary><c>POST /indexes/{uid}/documents/delete-batch</c> with a JSON array of ids.</summary>
    public Task<EnqueuedTask> DeleteDocumentsAsync(AdminCredential credential, string indexUid, IReadOnlyList<string> documentIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documentIds);
        return SendAsync<EnqueuedTask>(
            Admin(HttpMethod.Post, $"indexes/{Segment(indexUid)}/documents/delete-batch", credential, MeilisearchJson.Content(documentIds)),
            cancellationToken);
    }

    /// <summary><c>POST /indexes/{uid}/documents/delete</c> with <c>{"filter": …}</c> (a string, or an array form).</summary>
    public Task<EnqueuedTask> DeleteDocumentsByFilterAsync(AdminCredential credential, string indexUid, JsonNode filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var body = new JsonObject { ["filter"] = filter.DeepClone() };
        return SendAsync<EnqueuedTask>(
            Admin(HttpMethod.Post, $"indexes/{Segment(indexUid)}/documents/delete", credential, MeilisearchJson.Content(body)),
            cancellationToken);
    }

    private Task<EnqueuedTask> WriteDocumentsAsync(HttpMethod method, AdminCredential credential, string indexUid, JsonArray documents, string? primaryKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var query = new QueryString().Add("primaryKey", primaryKey);
        return SendAsync<EnqueuedTask>(
            Admin(method, $"indexes/{Segment(indexUid)}/documents{query}", credential, MeilisearchJson.Content(documents)),
            cancellationToken);
    }
}
