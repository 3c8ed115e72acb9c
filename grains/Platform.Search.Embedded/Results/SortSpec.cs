using Platform.Search.Embedded.Json;
using Platform.Search.Engine;
using Platform.Search.Errors;

namespace Platform.Search.Embedded.Results;

/// <summary>A sort key of one document for one attribute: numbers before strings, missing values last in both directions.</summary>
internal readonly record struct SortValue(int Kind, double Number, string? Text)
{
    public static SortValue Missing { get; } = new(2, 0, null);
}

/// <summary>Parsed and validated <c>sort</c> parameter.</summary>
internal sealed class SortSpec
{
    private SortSpec(List<(string Path, bool Descending)> keys) => Keys = keys;

    public List<(string Path, bool Descending)> Keys { get; }

    public static SortSpec? Parse(IReadOnlyList<string>? sort, string indexUid, IndexSettings settings)
    {
        if (sort is null || sort.Count == 0)
        {
            return null;
        }

        var keys = new List<(string, bool)>();
        foreach (var expression in sort)
        {
            var colon = expression.LastIndexOf(':');
            var direction = colon < 0 ? "" : expression[(colon + 1)..];
            if (colon <= 0 || direction is not ("asc" or "desc"))
            {
                throw SearchEngineErrors.InvalidSortSyntax(expression);
            }

            var attribute = expression[..colon];
            if (attribute == SearchEngineErrors.TenantAttribute)
            {
                throw SearchEngineErrors.ReservedAttribute("a sort");
            }

            if (attribute.StartsWith("_geoPoint(", StringComparison.Ordinal))
            {
                if (!settings.SortableAttributes.Contains("_geo"))
                {
                    throw SearchEngineErrors.NotSortable(indexUid, "_geo", settings.SortableAttributes);
                }

                // REVIEW: geo sorting is not implemented by the embedded engine yet.
                throw new SearchEngineException(ErrorCodes.InvalidSearchSort, "Sorting by `_geoPoint` is not supported by the embedded engine.");
            }

            if (!settings.SortableAttributes.Any(s => s == attribute || attribute.StartsWith(s + ".", StringComparison.Ordinal)))
            {
                var (visible, hidden) = DisplayedNames.Split(settings.SortableAttributes, settings);
                throw SearchEngineErrors.NotSortable(indexUid, attribute, visible, hidden);
            }

            keys.Add((attribute, direction == "desc"));
        }

        return new SortSpec(keys);
    }

    public SortValue[] Extract(List<Leaf> leaves)
    {
        var values = new SortValue[Keys.Count];
        for (var k = 0; k < Keys.Count; k++)
        {
            var (path, descending) = Keys[k];
            var best = SortValue.Missing;
            foreach (var leaf in leaves)
            {
                if (leaf.Path != path)
                {
                    continue;
                }

                SortValue candidate = leaf.Kind switch
                {
                    LeafKind.Number => new SortValue(0, leaf.Number, null),
                    LeafKind.String or LeafKind.Bool => new SortValue(1, 0, leaf.Text.ToLowerInvariant()),
                    _ => SortValue.Missing,
                };
                if (candidate.Kind == 2)
                {
                    continue;
                }

                // Arrays sort by their smallest value ascending and by their largest descending.
                var c = Compare(candidate, best, descending);
                if (best.Kind == 2 || c < 0)
                {
                    best = candidate;
                }
            }

            values[k] = best;
        }

        return values;
    }

    public int Compare(SortValue[] a, SortValue[] b)
    {
        for (var k = 0; k < Keys.Count; k++)
        {
            var c = Compare(a[k], b[k], Keys[k].Descending);
            if (c != 0)
            {
                return c;
            }
        }

        return 0;
    }

    private static int Compare(SortValue a, SortValue b, bool descending)
    {
        if (a.Kind != b.Kind)
        {
            return a.Kind.CompareTo(b.Kind);
        }

        var c = a.Kind switch
        {
            0 => a.Number.CompareTo(b.Number),
            1 => string.CompareOrdinal(a.Text, b.Text),
            _ => 0,
        };
        return descending ? -c : c;
    }
}
