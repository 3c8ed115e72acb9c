using System.Text.Json.Nodes;

namespace Platform.Search.Meilisearch;

internal sealed partial class MeilisearchClient
{
    /// <summary>
    /// <c>GET /health</c>: Meilisearch's status, <c>available</c> when it serves requests. The route is public, so no
    /// credential is sent. Throws <see cref="MeilisearchUnavailableException"/> when Meilisearch cannot be reached.
    /// </summary>
    public async Task<string> GetHealthAsync(CancellationToken cancellationToken = default)
    {
        var call = new MeilisearchCall(HttpMethod.Get, "health", Bearer: null, Content: null, Idempotent: true, _options.Timeout);
        var body = await SendAsync<JsonObject>(call, cancellationToken);
        return body["status"]?.GetValue<string>() ?? "";
    }

    /// <summary><c>GET /version</c> (action <c>version</c>).</summary>
    public Task<VersionInfo> GetVersionAsync(AdminCredential credential, CancellationToken cancellationToken = default) =>
        SendAsync<VersionInfo>(Admin(HttpMethod.Get, "version", credential), cancellationToken);
}
