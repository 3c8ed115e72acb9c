using System.Text;

namespace Platform.Search.Filters;

/// <summary>
/// Prints a <see cref="FilterExpression"/> as a canonical Meilisearch filter string that <see cref="FilterParser"/>
/// reads back to an equal tree.
/// </summary>
/// <remarks>
/// Canonical form: single spaces around operators and keywords; <c>, </c> between list items; values and attributes
/// bare when they are plain words and double-quoted otherwise (see <see cref="FormatValue"/>); parentheses only
/// around an Or inside an And or a NOT, and around an And inside a NOT; negated IN, EXISTS, IS NULL, IS EMPTY,
/// CONTAINS and STARTS WITH use their infix forms (<c>a NOT IN [..]</c>, <c>a IS NOT NULL</c>). Geo arguments are
/// printed as stored. Trees outside the invariants of <see cref="FilterExpression"/> still print to an equivalent
/// filter, but may read back normalised (a one-operand And as its operand, <c>NOT NOT x</c> as <c>x</c>).
/// </remarks>
public static class FilterPrinter
{
    public static string Print(FilterExpression filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var builder = new StringBuilder();
        Write(builder, filter, Context.Top);
        return builder.ToString();
    }

    /// <summary>A value or attribute as the filter language spells it: bare when it is a plain word that is not a
    /// keyword, otherwise in double quotes with <c>\</c>, <c>"</c> and control characters escaped.</summary>
    public static string FormatValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (FilterSyntax.IsPlainWord(value))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => builder.Append("\\\\"),
                '"' => builder.Append("\\\""),
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                '\0' => builder.Append("\\0"),
                _ => builder.Append(c),
            };
        }

        return builder.Append('"').ToString();
    }

    private enum Context { Top, Or, And, Not }

    private static void Write(StringBuilder builder, FilterExpression filter, Context context)
    {
        switch (filter)
        {
            case OrFilter any:
                WriteGroup(builder, any.Operands, " OR ", context, Context.Or, parenthesise: context != Context.Top);
                break;
            case AndFilter all:
                WriteGroup(builder, all.Operands, " AND ", context, Context.And, parenthesise: context is Context.And or Context.Not);
                break;
            case NotFilter negation:
                WriteNot(builder, negation.Operand);
                break;
            case ComparisonFilter comparison:
                builder.Append(FormatValue(comparison.Attribute)).Append(' ')
                    .Append(Symbol(comparison.Operator)).Append(' ').Append(FormatValue(comparison.Value));
                break;
            case RangeFilter range:
                builder.Append(FormatValue(range.Attribute)).Append(' ').Append(FormatValue(range.From))
                    .Append(" TO ").Append(FormatValue(range.To));
                break;
            case InFilter @in:
                WriteIn(builder, @in, negated: false);
                break;
            case PresenceFilter presence:
                WritePresence(builder, presence, negated: false);
                break;
            case TextMatchFilter text:
                WriteTextMatch(builder, text, negated: false);
                break;
            case GeoFilter geo:
                WriteGeo(builder, geo);
                break;
            default:
                throw new ArgumentException($"Unknown filter node {filter.GetType().Name}.", nameof(filter));
        }
    }

    private static void WriteGroup(
        StringBuilder builder,
        IReadOnlyList<FilterExpression> operands,
        string separator,
        Context outer,
        Context inner,
        bool parenthesise)
    {
        if (operands.Count == 0)
        {
            throw new ArgumentException("An And or Or filter needs at least one operand.", nameof(operands));
        }

        if (operands.Count == 1)
        {
            Write(builder, operands[0], outer);
            return;
        }

        if (parenthesise)
        {
            builder.Append('(');
        }

        for (var i = 0; i < operands.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(separator);
            }

            Write(builder, operands[i], inner);
        }

        if (parenthesise)
        {
            builder.Append(')');
        }
    }

    private static void WriteNot(StringBuilder builder, FilterExpression operand)
    {
        switch (operand)
        {
            case InFilter @in:
                WriteIn(builder, @in, negated: true);
                break;
            case PresenceFilter presence:
                WritePresence(builder, presence, negated: true);
                break;
            case TextMatchFilter text:
                WriteTextMatch(builder, text, negated: true);
                break;
            default:
                builder.Append("NOT ");
                Write(builder, operand, Context.Not);
                break;
        }
    }

    private static void WriteIn(StringBuilder builder, InFilter filter, bool negated)
    {
        builder.Append(FormatValue(filter.Attribute)).Append(negated ? " NOT IN [" : " IN [");
        for (var i = 0; i < filter.Values.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            builder.Append(FormatValue(filter.Values[i]));
        }

        builder.Append(']');
    }

    private static void WritePresence(StringBuilder builder, PresenceFilter filter, bool negated)
    {
        builder.Append(FormatValue(filter.Attribute)).Append(filter.Operator switch
        {
            PresenceOperator.Exists => negated ? " NOT EXISTS" : " EXISTS",
            PresenceOperator.IsNull => negated ? " IS NOT NULL" : " IS NULL",
            PresenceOperator.IsEmpty => negated ? " IS NOT EMPTY" : " IS EMPTY",
            _ => throw new ArgumentOutOfRangeException(nameof(filter), filter.Operator, "Unknown presence operator."),
        });
    }

    private static void WriteTextMatch(StringBuilder builder, TextMatchFilter filter, bool negated)
    {
        builder.Append(FormatValue(filter.Attribute)).Append(negated ? " NOT " : " ").Append(filter.Operator switch
        {
            TextMatchOperator.Contains => "CONTAINS ",
            TextMatchOperator.StartsWith => "STARTS WITH ",
            _ => throw new ArgumentOutOfRangeException(nameof(filter), filter.Operator, "Unknown text operator."),
        }).Append(FormatValue(filter.Value));
    }

    private static void WriteGeo(StringBuilder builder, GeoFilter filter)
    {
        var args = filter.Arguments;
        switch (filter.Operator)
        {
            case GeoOperator.Radius:
                builder.Append("_geoRadius(").AppendJoin(", ", args).Append(')');
                break;
            case GeoOperator.BoundingBox or GeoOperator.Polygon:
                builder.Append(filter.Operator == GeoOperator.BoundingBox ? "_geoBoundingBox(" : "_geoPolygon(");
                for (var i = 0; i < args.Count; i += 2)
                {
                    builder.Append(i > 0 ? ", [" : "[").Append(args[i]);
                    if (i + 1 < args.Count)
                    {
                        builder.Append(", ").Append(args[i + 1]);
                    }

                    builder.Append(']');
                }

                builder.Append(')');
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(filter), filter.Operator, "Unknown geo operator.");
        }
    }

    private static string Symbol(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => "=",
        ComparisonOperator.NotEqual => "!=",
        ComparisonOperator.GreaterThan => ">",
        ComparisonOperator.GreaterThanOrEqual => ">=",
        ComparisonOperator.LowerThan => "<",
        ComparisonOperator.LowerThanOrEqual => "<=",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Unknown comparison operator."),
    };
}
