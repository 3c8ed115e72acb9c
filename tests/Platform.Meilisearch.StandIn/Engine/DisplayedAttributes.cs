using System.Text.Json.Nodes;

namespace Platform.Meilisearch.StandIn.Engine;

/// <summary>
/// Meilisearch applies <c>displayedAttributes</c> to document reads too; the embedded engine applies it to search
/// hits only, so the stand-in filters documents itself. A top-level field stays when a displayed attribute names it,
/// lies under it (<c>a</c> for <c>a.b</c>, the whole object kept), or contains it (<c>a.b</c> for <c>a</c>).
/// </summary>
internal static class DisplayedAttributes
{
    public static JsonObject Apply(JsonObject document, IReadOnlyList<string> displayed)
    {
        if (displayed.Contains("*"))
        {
            return document;
        }

        var kept = new JsonObject();
        foreach (var (key, value) in document.ToList())
        {
            if (displayed.Any(d => d == key || d.StartsWith(key + ".", StringComparison.Ordinal) || key.StartsWith(d + ".", StringComparison.Ordinal)))
            {
                document.Remove(key);
                kept[key] = value;
            }
        }

        return kept;
    }
}
