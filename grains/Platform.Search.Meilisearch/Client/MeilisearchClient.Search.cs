using System.Text.Json.Nodes;

namespace Platform.Search.Meilisearch;

internal sealed partial class MeilisearchClient
{
    /// <summary>
    /// <c>POST /indexes/{uid}/search</c> with a Meilisearch-shaped query (docs/api-reference.md#search-with-post), answered with the search
    /// response (docs/api-reference.md#search-with-post) as-is. Retried on transient failures: a search has no side effects.
    /// </summary>
    public Task<JsonObject> SearchAsync(SearchCredential credential, string indexUid, JsonObject query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return SendAsync<JsonObject>(Search($"indexes/{Segment(indexUid)}/search", credential, MeilisearchJson.Content(query)), cancellationToken);
    }

    /// <summary>
    /// <c>POST /multi-search</c> in plain mode: <c>{"queries": [...]}</c>, each query carrying its <c>indexUid</c>.
    /// Answers <c>{"results": [...]}</c> in query order.
    /// </summary>
    public Task<JsonObject> MultiSearchAsync(SearchCredential credential, IReadOnlyList<JsonObject> queries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var body = new JsonObject { ["queries"] = QueriesArray(queries) };
        return SendAsync<JsonObject>(Search("multi-search", credential, MeilisearchJson.Content(body)), cancellationToken);
    }

    /// <summary>
    /// <c>POST /multi-search</c> in federated mode: <c>{"federation": {...}, "queries": [...]}</c>, one merged hit list.
    /// Pass an empty <paramref name="federation"/> object for the defaults.
    /// </summary>
    public Task<JsonObject> FederatedSearchAsync(SearchCredential credential, IReadOnlyList<JsonObject> queries, JsonObject federation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(federation);
        var body = new JsonObject { ["federation"] = federation.DeepClone(), ["queries"] = QueriesArray(queries) };
        return SendAsync<JsonObject>(Search("multi-search", credential, MeilisearchJson.Content(body)), cancellationToken);
    }

    /// <summary>
    /// <c>POST /indexes/{uid}/facet-search</c> with <c>{"facetName", "facetQuery", "q", "filter", …}</c>; answers
    /// <c>{"facetHits": [{"value", "count"}], "facetQuery", "processingTimeMs"}</c>.
    /// </summary>
    public Task<JsonObject> FacetSearchAsync(SearchCredential credential, string indexUid, JsonObject query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return SendAsync<JsonObject>(Search($"indexes/{Segment(indexUid)}/facet-search", credential, MeilisearchJson.Content(query)), cancellationToken);
    }

    // Clones, because a JsonNode can have one parent only and the caller keeps its own queries.
    private static JsonArray QueriesArray(IReadOnlyList<JsonObject> queries) =>
        new(queries.Select(q => (JsonNode?)q.DeepClone()).ToArray());
}
