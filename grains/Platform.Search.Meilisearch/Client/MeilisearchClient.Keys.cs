namespace Platform.Search.Meilisearch;

internal sealed partial class MeilisearchClient
{
    /// <summary><c>POST /keys</c> (201). Never retried: a repeat without a fixed <see cref="CreateKeyRequest.Uid"/> would make a second key.</summary>
    public Task<KeyInfo> CreateKeyAsync(AdminCredential credential, CreateKeyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync<KeyInfo>(Admin(HttpMethod.Post, "keys", credential, MeilisearchJson.Content(request)), cancellationToken);
    }

    /// <summary><c>GET /keys/{uidOrKey}</c>; 404 <c>api_key_not_found</c> surfaces as <see cref="MeilisearchApiException"/>.</summary>
    public Task<KeyInfo> GetKeyAsync(AdminCredential credential, string uidOrKey, CancellationToken cancellationToken = default) =>
        SendAsync<KeyInfo>(Admin(HttpMethod.Get, $"keys/{Segment(uidOrKey)}", credential), cancellationToken);

    /// <summary><c>GET /keys?offset=&amp;limit=</c>, newest first.</summary>
    public Task<ResultsPage<KeyInfo>> ListKeysAsync(AdminCredential credential, int? offset = null, int? limit = null, CancellationToken cancellationToken = default)
    {
        var query = new QueryString().Add("offset", offset).Add("limit", limit);
        return SendAsync<ResultsPage<KeyInfo>>(Admin(HttpMethod.Get, $"keys{query}", credential), cancellationToken);
    }

    /// <summary><c>DELETE /keys/{uidOrKey}</c> (204).</summary>
    public Task DeleteKeyAsync(AdminCredential credential, string uidOrKey, CancellationToken cancellationToken = default) =>
        SendAsync(Admin(HttpMethod.Delete, $"keys/{Segment(uidOrKey)}", credential), cancellationToken);
}
