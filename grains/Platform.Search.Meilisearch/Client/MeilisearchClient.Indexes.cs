namespace Platform.Search.Meilisearch;

internal sealed partial class MeilisearchClient
{
    /// <summary><c>POST /indexes</c> with <c>{"uid", "primaryKey"}</c>; answers with the <c>indexCreation</c> task.</summary>
    public Task<EnqueuedTask> CreateIndexAsync(AdminCredential credential, string indexUid, string? primaryKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(indexUid);
        var body = MeilisearchJson.Content(new { uid = indexUid, primaryKey });
        return SendAsync<EnqueuedTask>(Admin(HttpMethod.Post, "indexes", credential, body), cancellationToken);
    }

    /// <summary><c>GET /indexes/{uid}</c>; 404 <c>index_not_found</c> surfaces as <see cref="MeilisearchApiException"/>.</summary>
    public Task<IndexInfo> GetIndexAsync(AdminCredential credential, string indexUid, CancellationToken cancellationToken = default) =>
        SendAsync<IndexInfo>(Admin(HttpMethod.Get, $"indexes/{Segment(indexUid)}", credential), cancellationToken);

    /// <summary><c>GET /indexes?offset=&amp;limit=</c>.</summary>
    public Task<ResultsPage<IndexInfo>> ListIndexesAsync(AdminCredential credential, int? offset = null, int? limit = null, CancellationToken cancellationToken = default)
    {
        var query = new QueryString().Add("offset", offset).Add("limit", limit);
        return SendAsync<ResultsPage<IndexInfo>>(Admin(HttpMethod.Get, $"indexes{query}", credential), cancellationToken);
    }

    /// <summary><c>PATCH /indexes/{uid}</c> with <c>{"primaryKey"}</c>; answers with the <c>indexUpdate</c> task.</summary>
    public Task<EnqueuedTask> UpdateIndexPrimaryKeyAsync(AdminCredential credential, string indexUid, string primaryKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(primaryKey);
        var body = MeilisearchJson.Content(new { primaryKey });
        return SendAsync<EnqueuedTask>(Admin(HttpMethod.Patch, $"indexes/{Segment(indexUid)}", credential, body), cancellationToken);
    }

    /// <summary><c>DELETE /indexes/{uid}</c>; answers with the <c>indexDeletion</c> task.</summary>
    public Task<EnqueuedTask> DeleteIndexAsync(AdminCredential credential, string indexUid, CancellationToken cancellationToken = default) =>
        SendAsync<EnqueuedTask>(Admin(HttpMethod.Delete, $"indexes/{Segment(indexUid)}", credential), cancellationToken);
}
