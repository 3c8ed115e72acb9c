using System.Globalization;
using Platform.Search.Filters;

namespace Platform.Search.Embedded.Querying;

/// <summary>
/// The second line Meilisearch adds to a filter error: <c>start:end filter</c>, 1-based columns in characters of the
/// offending token inside the filter string it parsed. The engine receives a tree, not the client's text, so it points
/// into the string the Meilisearch engine would send: each top-level AND operand printed on its own by
/// <see cref="FilterPrinter"/> (<see cref="FilterJson.ToMeilisearch"/>), which equals the client's text when it was
/// already canonical.
/// </summary>
internal static class FilterPositions
{
    /// <summary>Points at the attribute of <paramref name="node"/> (a condition inside <paramref name="root"/>).</summary>
    public static string? Attribute(FilterExpression root, FilterExpression node) =>
        Locate(root, node, (_, _) => AttributeToken(AttributeOf(node)));

    /// <summary>Points at the <c>CONTAINS</c> keyword of <paramref name="node"/>.</summary>
    public static string? ContainsKeyword(FilterExpression root, TextMatchFilter node) =>
        Locate(root, node, (_, negated) =>
        {
            var offset = FilterPrinter.FormatValue(node.Attribute).Length + (negated ? " NOT " : " ").Length;
            return (offset, "CONTAINS".Length);
        });

    /// <summary>Points at the first coordinate of a geo filter, where Meilisearch reports it.</summary>
    public static string? GeoPoint(FilterExpression root, GeoFilter node) =>
        Locate(root, node, (unit, _) => (unit.IndexOf('(', StringComparison.Ordinal) + (node.Operator == GeoOperator.Radius ? 1 : 2), node.Arguments[0].Length));

    private static string AttributeOf(FilterExpression node) => node switch
    {
        ComparisonFilter c => c.Attribute,
        RangeFilter r => r.Attribute,
        InFilter i => i.Attribute,
        PresenceFilter p => p.Attribute,
        TextMatchFilter t => t.Attribute,
        _ => throw new ArgumentException($"`{node.GetType().Name}` has no attribute.", nameof(node)),
    };

    /// <summary>A quoted token's span is its content between the quotes, as written.</summary>
    private static (int Offset, int Length) AttributeToken(string attribute)
    {
        var printed = FilterPrinter.FormatValue(attribute);
        return printed.StartsWith('"') ? (1, printed.Length - 2) : (0, printed.Length);
    }

    private static string? Locate(FilterExpression root, FilterExpression node, Func<string, bool, (int Offset, int Length)> token)
    {
        var operands = root is AndFilter all ? all.Operands : [root];
        foreach (var operand in operands)
        {
            // Conditions are printed in tree order with only connectors between them, so searching each one's text
            // from the end of the previous one finds exactly where the printer put it.
            var text = FilterPrinter.Print(operand);
            var cursor = 0;
            foreach (var (unit, negated) in Units(operand))
            {
                var printed = FilterPrinter.Print(unit);
                var start = text.IndexOf(printed, cursor, StringComparison.Ordinal);
                if (start < 0)
                {
                    return null;
                }

                var condition = unit is NotFilter not ? not.Operand : unit;
                if (ReferenceEquals(condition, node))
                {
                    var (offset, length) = token(printed, negated);
                    return Line(text, start + offset, length);
                }

                cursor = start + printed.Length;
            }
        }

        return null;
    }

    /// <summary>The printed conditions in order; a NOT the printer writes infix (<c>a NOT IN [..]</c>) stays with its condition.</summary>
    private static IEnumerable<(FilterExpression Unit, bool Negated)> Units(FilterExpression filter)
    {
        switch (filter)
        {
            case AndFilter all:
                return all.Operands.SelectMany(Units);
            case OrFilter any:
                return any.Operands.SelectMany(Units);
            case NotFilter { Operand: InFilter or PresenceFilter or TextMatchFilter } not:
                return [(not, true)];
            case NotFilter not:
                return Units(not.Operand);
            default:
                return [(filter, false)];
        }
    }

    private static string Line(string text, int start, int length)
    {
        var column = Runes(text.AsSpan(0, start)) + 1;
        var end = column + Runes(text.AsSpan(start, length));
        return string.Create(CultureInfo.InvariantCulture, $"{column}:{end} {text}");
    }

    private static int Runes(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }
}
