using System.Text.Json.Nodes;

namespace Platform.Search.Meilisearch;

internal sealed partial class MeilisearchClient
{
    /// <summary><c>GET /indexes/{uid}/settings</c>: every setting, as Meilisearch shapes them.</summary>
    public Task<JsonObject> GetSettingsAsync(AdminCredential credential, string indexUid, CancellationToken cancellationToken = default) =>
        SendAsync<JsonObject>(Admin(HttpMethod.Get, $"indexes/{Segment(indexUid)}/settings", credential), cancellationToken);

    /// <summary><c>PATCH /indexes/{uid}/settings</c> with the non-null typed settings; answers with the <c>settingsUpdate</c> task.</summary>
    public Task<EnqueuedTask> UpdateSettingsAsync(AdminCredential credential, string indexUid, IndexSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return SendAsync<EnqueuedTask>(
            Admin(HttpMethod.Patch, $"indexes/{Segment(indexUid)}/settings", credential, MeilisearchJson.Content(settings)),
            cancellationToken);
    }

    /// <summary>
    /// <c>PATCH /indexes/{uid}/settings</c> with a Meilisearch-shaped body sent verbatim (an explicit <c>null</c> resets
    /// that setting).
    /// </summary>
    public Task<EnqueuedTask> UpdateSettingsAsync(AdminCredential credential, string indexUid, JsonObject settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return SendAsync<EnqueuedTask>(
            Admin(HttpMethod.Patch, $"indexes/{Segment(indexUid)}/settings", credential, MeilisearchJson.Content(settings)),
            cancellationToken);
    }

    /// <summary><c>DELETE /indexes/{uid}/settings</c>: every setting back to its default.</summary>
    public Task<EnqueuedTask> ResetSettingsAsync(AdminCredential credential, string indexUid, CancellationToken cancellationToken = default) =>
        SendAsync<EnqueuedTask>(Admin(HttpMethod.Delete, $"indexes/{Segment(indexUid)}/settings", credential), cancellationToken);
}
