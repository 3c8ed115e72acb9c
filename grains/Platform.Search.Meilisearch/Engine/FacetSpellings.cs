using System.Text.Json.Nodes;
using Platform.Search.Engine;
using Platform.Search.Filters;

namespace Platform.Search.Meilisearch.Engine;

/// <summary>
/// Puts the tenant's own spelling on facet-search hits from a shared index. Meilisearch groups facet values by their
/// normalised form (trimmed, lower-cased) and shows the spelling of the value's lowest document id across the whole
/// index, so another tenant's casing or accents could reach the caller. The fix reads the spellings back from the
/// tenant's own documents with a second search (same backend token): one document per value (<c>distinct</c> on the
/// facet), only the facet retrieved. A value no tenant document shows (the attribute is not displayed, or
/// <c>distinct</c> dropped the last document holding it) falls back to its normalised form, never to Meilisearch's.
/// </summary>
internal static class FacetSpellings
{
    /// <summary>The search that returns, for each hit value, one of the tenant's documents holding it.</summary>
    public static JsonObject LookupBody(string facetName, IReadOnlyList<FacetHit> hits, string tenantUid)
    {
        var values = hits.Select(h => h.Value).Distinct(StringComparer.Ordinal).ToList();
        return new JsonObject
        {
            ["filter"] = SearchBodies.Isolated(new InFilter(facetName, values), tenantUid),
            ["distinct"] = facetName,
            ["attributesToRetrieve"] = new JsonArray(facetName),
            ["limit"] = values.Count,
        };
    }

    /// <summary>The hits with each value spelled as in the tenant's documents (<paramref name="lookup"/>'s answer).</summary>
    public static IReadOnlyList<FacetHit> Apply(IReadOnlyList<FacetHit> hits, string facetName, JsonObject lookup)
    {
        var own = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var hit in lookup["hits"] as JsonArray ?? [])
        {
            foreach (var value in StringsAt(hit, facetName))
            {
                own.TryAdd(Normalize(value), value);
            }
        }

        return [.. hits.Select(h => h with { Value = own.TryGetValue(Normalize(h.Value), out var spelled) ? spelled : Normalize(h.Value) })];
    }

    /// <summary>Meilisearch's facet key for a string: trimmed and lower-cased.</summary>
    public static string Normalize(string value) => value.Trim().ToLowerInvariant();

    /// <summary>The string values at a dotted path: a string, or strings in arrays, at any depth.</summary>
    private static IEnumerable<string> StringsAt(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var value in StringsAt(item, path)) yield return value;
                }

                break;
            case JsonObject obj when path.Length > 0:
                // The whole remaining path may be one key ("a.b"), or split at a dot into nested objects.
                if (obj.TryGetPropertyValue(path, out var exact))
                {
                    foreach (var value in StringsAt(exact, "")) yield return value;
                }

                for (var dot = path.IndexOf('.', StringComparison.Ordinal); dot > 0; dot = path.IndexOf('.', dot + 1))
                {
                    if (obj.TryGetPropertyValue(path[..dot], out var inner))
                    {
                        foreach (var value in StringsAt(inner, path[(dot + 1)..])) yield return value;
                    }
                }

                break;
            case JsonValue leaf when path.Length == 0 && leaf.TryGetValue<string>(out var text):
                yield return text;
                break;
        }
    }
}
