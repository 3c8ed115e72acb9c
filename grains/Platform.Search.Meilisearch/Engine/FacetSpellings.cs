using System.Text.Json.Nodes;
using Platform.Search.Engine;
using Platform.Search.Filters;

namespace Platform.Search.Meilisearch.Engine;

/// <summary>
/// Puts the tenant's own spelling on facet-search hits from a shared index. Meilisearch groups facet values by their
/// normalised form (trimmed, lower-cased) and shows the spelling of the value's lowest document id across the whole
/// index, so another tenant's casing or accents could reach the caller. The fix reads the spellings back from the
/// tenant's own documents with a search under the same backend token: the tenant's documents holding any of the
/// values, in Meilisearch's document order (a placeholder search without sort), only the facet retrieved. Each value
/// takes its spelling from the first of them holding it, which is the tenant's lowest document id holding it, as
/// Meilisearch would answer on an index of the tenant's documents alone. (<c>distinct</c> on the facet would not do:
/// on an array attribute it drops every later document sharing any value with a kept one, so a value could be spelled
/// from a later document.) Values the lookup's limit did not reach are looked up again, up to <see cref="MaxRounds"/>
/// searches in all. A value no tenant document shows (the attribute is not displayed, or the rounds ran out) reads in
/// its normalised form, never in Meilisearch's spelling.
/// </summary>
internal static class FacetSpellings
{
    public const int MaxRounds = 3;

    /// <summary>Documents a lookup asks for per value still missing: values usually repeat across documents.</summary>
    public const int DocumentsPerValue = 10;

    /// <summary>Meilisearch's default <c>pagination.maxTotalHits</c>: a search returns no hit past it.</summary>
    public const int MaxLookupHits = 1000;

    /// <summary>
    /// The hits spelled as the tenant's documents spell them. <paramref name="search"/> runs one lookup body (a search
    /// on the tenant's index with its backend token) and returns Meilisearch's answer.
    /// </summary>
    public static async Task<IReadOnlyList<FacetHit>> SpellAsync(
        IReadOnlyList<FacetHit> hits, string facetName, string tenantUid, Func<JsonObject, Task<JsonObject>> search)
    {
        var own = new Dictionary<string, string>(StringComparer.Ordinal);
        var missing = hits.Select(h => h.Value).Distinct(StringComparer.Ordinal).ToList();
        for (var round = 0; round < MaxRounds && missing.Count > 0; round++)
        {
            var wanted = missing.Select(Normalize).ToHashSet(StringComparer.Ordinal);
            var found = Learn(own, wanted, await search(LookupBody(facetName, missing, tenantUid)), facetName);
            var before = missing.Count;
            missing = [.. missing.Where(v => !own.ContainsKey(Normalize(v)))];

            // Nothing new: the attribute is not displayed, or no document of the tenant holds what is left.
            if (found == 0 || missing.Count == before) break;
        }

        return [.. hits.Select(h => h with { Value = own.TryGetValue(Normalize(h.Value), out var spelled) ? spelled : Normalize(h.Value) })];
    }

    /// <summary>The search that returns the tenant's documents holding the values, lowest document id first.</summary>
    public static JsonObject LookupBody(string facetName, IReadOnlyList<string> values, string tenantUid)
    {
        return new JsonObject
        {
            ["filter"] = SearchBodies.Isolated(new InFilter(facetName, values), tenantUid),
            ["attributesToRetrieve"] = new JsonArray(facetName),
            ["limit"] = Math.Min(values.Count * DocumentsPerValue, MaxLookupHits),
        };
    }

    /// <summary>
    /// Adds the spellings of the <paramref name="wanted"/> values (normalised) from a lookup answer's documents, the
    /// first document holding a value winning; returns how many values the documents held.
    /// </summary>
    private static int Learn(Dictionary<string, string> own, HashSet<string> wanted, JsonObject lookup, string facetName)
    {
        var seen = 0;
        foreach (var hit in lookup["hits"] as JsonArray ?? [])
        {
            foreach (var value in StringsAt(hit, facetName))
            {
                if (wanted.Contains(Normalize(value)))
                {
                    own.TryAdd(Normalize(value), value);
                }

                seen++;
            }
        }

        return seen;
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
