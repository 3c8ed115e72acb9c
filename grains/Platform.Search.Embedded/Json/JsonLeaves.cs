using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Search.Embedded.Json;

internal enum LeafKind { Present, Null, Empty, String, Number, Bool }

/// <summary>One flattened fact about a document: a scalar at a dotted path (arrays flattened), or a presence marker.</summary>
internal readonly record struct Leaf(string Path, LeafKind Kind, string Text, double Number, bool TopLevel = false);

/// <summary>Walks documents the way Meilisearch flattens them: nested objects by dots, arrays element by element.</summary>
internal static class JsonLeaves
{
    public static List<Leaf> Flatten(JsonObject document) => Flatten(JsonSerializer.SerializeToUtf8Bytes(document));

    /// <summary>Flattens UTF-8 JSON without materialising a DOM; the buffer is only read during the call.</summary>
    public static List<Leaf> Flatten(ReadOnlyMemory<byte> utf8Json)
    {
        using var document = JsonDocument.Parse(utf8Json);
        var leaves = new List<Leaf>(32);
        Walk(document.RootElement, "", leaves);
        return leaves;
    }

    private static void Walk(JsonElement obj, string prefix, List<Leaf> into)
    {
        foreach (var property in obj.EnumerateObject())
        {
            var path = prefix.Length == 0 ? property.Name : prefix + "." + property.Name;
            into.Add(new Leaf(path, LeafKind.Present, "", 0, prefix.Length == 0));
            WalkValue(property.Value, path, into);
        }
    }

    private static void WalkValue(JsonElement value, string path, List<Leaf> into)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                if (!value.EnumerateObject().Any())
                {
                    into.Add(new Leaf(path, LeafKind.Empty, "", 0));
                }

                Walk(value, path, into);
                break;
            case JsonValueKind.Array:
                if (value.GetArrayLength() == 0)
                {
                    into.Add(new Leaf(path, LeafKind.Empty, "", 0));
                }

                foreach (var item in value.EnumerateArray())
                {
                    WalkValue(item, path, into);
                }

                break;
            case JsonValueKind.String:
                var s = value.GetString()!;
                into.Add(s.Length == 0 ? new Leaf(path, LeafKind.Empty, "", 0) : new Leaf(path, LeafKind.String, s, 0));
                break;
            case JsonValueKind.Number:
                var raw = value.GetRawText();
                into.Add(new Leaf(path, LeafKind.Number, raw, double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture)));
                break;
            case JsonValueKind.True:
                into.Add(new Leaf(path, LeafKind.Bool, "true", 0));
                break;
            case JsonValueKind.False:
                into.Add(new Leaf(path, LeafKind.Bool, "false", 0));
                break;
            default:
                into.Add(new Leaf(path, LeafKind.Null, "", 0));
                break;
        }
    }

    /// <summary>
    /// Copies the parts of <paramref name="source"/> named by <paramref name="selectors"/>: <c>*</c>, attribute
    /// names, dotted paths into nested objects (and arrays of objects) and <c>prefix*</c> patterns.
    /// </summary>
    public static JsonObject Project(JsonObject source, IReadOnlyList<string> selectors)
    {
        if (selectors.Contains("*"))
        {
            return (JsonObject)source.DeepClone();
        }

        return ProjectObject(source, selectors, "");
    }

    private static JsonObject ProjectObject(JsonObject source, IReadOnlyList<string> selectors, string prefix)
    {
        var result = new JsonObject();
        foreach (var (key, value) in source)
        {
            var path = prefix.Length == 0 ? key : prefix + "." + key;
            if (selectors.Any(s => AttributePatterns.SelectsWhole(s, path)))
            {
                result[key] = value?.DeepClone();
                continue;
            }

            if (!selectors.Any(s => s.StartsWith(path + ".", StringComparison.Ordinal)))
            {
                continue;
            }

            switch (value)
            {
                case JsonObject o:
                    var sub = ProjectObject(o, selectors, path);
                    if (sub.Count > 0)
                    {
                        result[key] = sub;
                    }

                    break;
                case JsonArray a:
                    var items = new JsonArray();
                    foreach (var item in a)
                    {
                        if (item is JsonObject io)
                        {
                            var p = ProjectObject(io, selectors, path);
                            if (p.Count > 0)
                            {
                                items.Add(p);
                            }
                        }
                    }

                    if (items.Count > 0)
                    {
                        result[key] = items;
                    }

                    break;
            }
        }

        return result;
    }
}

/// <summary>Attribute-name patterns of settings and requests.</summary>
internal static class AttributePatterns
{
    /// <summary>True when <paramref name="pattern"/> (<c>*</c>, a name, <c>prefix*</c>, <c>*suffix</c>) names <paramref name="path"/> itself.</summary>
    public static bool SelectsWhole(string pattern, string path)
    {
        if (pattern == "*" || pattern == path)
        {
            return true;
        }

        if (pattern.Length > 1 && pattern.EndsWith('*') && pattern.IndexOf('*') == pattern.Length - 1)
        {
            return path.StartsWith(pattern[..^1], StringComparison.Ordinal);
        }

        if (pattern.Length > 1 && pattern.StartsWith('*') && pattern.LastIndexOf('*') == 0)
        {
            return path.EndsWith(pattern[1..], StringComparison.Ordinal);
        }

        return false;
    }

    /// <summary>True when the pattern names the path or one of its parents (a filterable parent makes children filterable).</summary>
    public static bool Covers(string pattern, string path)
    {
        if (SelectsWhole(pattern, path))
        {
            return true;
        }

        var dot = path.LastIndexOf('.');
        while (dot > 0)
        {
            if (SelectsWhole(pattern, path[..dot]))
            {
                return true;
            }

            dot = path.LastIndexOf('.', dot - 1);
        }

        return false;
    }

    public static bool AnyCovers(IReadOnlyList<string> patterns, string path)
    {
        foreach (var p in patterns)
        {
            if (Covers(p, path))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Rank of the searchable attribute covering <paramref name="path"/>, or -1. <c>*</c> ranks by first appearance.</summary>
    public static int SearchRank(IReadOnlyList<string> searchable, string path)
    {
        for (var i = 0; i < searchable.Count; i++)
        {
            if (Covers(searchable[i], path))
            {
                return searchable[i] == "*" ? -2 : i;
            }
        }

        return -1;
    }
}
