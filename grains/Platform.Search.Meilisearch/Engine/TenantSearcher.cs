using System.Globalization;
using System.Text.Json.Nodes;
using Platform.Search.Engine;
using Platform.Search.Errors;

namespace Platform.Search.Meilisearch.Engine;

/// <summary>
/// Searches and facet searches, each sent with the tenant's backend token so Meilisearch fuses the isolation filter
/// too. On a shared index, facet values are then spelled as the tenant's own documents spell them.
/// </summary>
internal sealed class TenantSearcher(BackendKeyIssuer keys, PhysicalLayout layout, PhysicalIndexes physical)
{
    public async Task<SearchResponse> SearchAsync(TenantScope scope, string indexUid, SearchRequest request, CancellationToken cancellationToken)
    {
        var tenant = scope.TenantUid;
        SearchBodies.CheckSearch(request);
        var target = layout.DocumentIndex(indexUid, tenant);
        var body = SearchBodies.ToBody(request, tenant);
        try
        {
            var answer = await keys.WithTokenAsync(scope, (client, credential) => client.SearchAsync(credential, target, body, cancellationToken), new(indexUid, target), cancellationToken);
            var response = SearchBodies.FromBody(answer, request);
            return layout.IsDedicated(indexUid) ? response : await WithOwnFacetSpellings(scope, indexUid, target, response, cancellationToken);
        }
        catch (SearchEngineException e) when (e.Code == ErrorCodes.IndexNotFound && target != layout.DefinitionIndex(indexUid))
        {
            await physical.RequireDocumentIndexAsync(indexUid, layout.DefinitionIndex(indexUid), cancellationToken);
            return SearchBodies.Empty(request);
        }
    }

    public async Task<FacetSearchResponse> FacetSearchAsync(TenantScope scope, string indexUid, FacetSearchRequest request, CancellationToken cancellationToken)
    {
        var body = SearchBodies.ToFacetBody(request, scope.TenantUid);
        var target = layout.DocumentIndex(indexUid, scope.TenantUid);
        try
        {
            var answer = await keys.WithTokenAsync(scope, (client, credential) => client.FacetSearchAsync(credential, target, body, cancellationToken), new(indexUid, target), cancellationToken);
            var response = SearchBodies.FromFacetBody(answer);
            if (layout.IsDedicated(indexUid) || response.FacetHits.Count == 0)
            {
                return response;
            }

            // A shared index: Meilisearch may have spelled a value as another tenant's document does.
            var spelled = await FacetSpellings.SpellAsync(response.FacetHits, request.FacetName, scope.TenantUid, Lookup(scope, indexUid, target, cancellationToken));
            return response with { FacetHits = spelled };
        }
        catch (SearchEngineException e) when (e.Code == ErrorCodes.IndexNotFound && target != layout.DefinitionIndex(indexUid))
        {
            // As for a search: a dedicated tenant index appears on the tenant's first write, so until then the
            // tenant has no values, unless the logical index itself is missing.
            await physical.RequireDocumentIndexAsync(indexUid, layout.DefinitionIndex(indexUid), cancellationToken);
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

        var lookup = Lookup(scope, indexUid, target, cancellationToken);
        var spelled = await Task.WhenAll(textual.Select(facet => FacetSpellings.SpellAsync(
            [.. facet.Value.Select(v => new FacetHit(v.Key, v.Value))], facet.Key, scope.TenantUid, lookup)));
        var fixedByName = textual.Select((facet, i) => (facet.Key, Values: spelled[i])).ToDictionary(f => f.Key, f => f.Values, StringComparer.Ordinal);
        var result = new Dictionary<string, IReadOnlyDictionary<string, int>>(distribution.Count, StringComparer.Ordinal);
        foreach (var (name, values) in distribution)
        {
            result[name] = fixedByName.TryGetValue(name, out var hits) ? hits.ToDictionary(h => h.Value, h => h.Count, StringComparer.Ordinal) : values;
        }

        return response with { FacetDistribution = result };
    }

    /// <summary>The spelling lookup: a search on the same physical index, with the same backend token.</summary>
    private Func<JsonObject, Task<JsonObject>> Lookup(TenantScope scope, string indexUid, string target, CancellationToken cancellationToken) =>
        lookup => keys.WithTokenAsync(scope, (client, credential) => client.SearchAsync(credential, target, lookup, cancellationToken), new(indexUid, target), cancellationToken);
}
