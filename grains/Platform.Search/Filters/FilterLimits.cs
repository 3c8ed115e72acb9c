namespace Platform.Search.Filters;

/// <summary>
/// The size limit on a whole filter. Meilisearch refuses an evaluated filter tree that is too deep; here the flattened
/// tree's conditions (leaves) are counted instead, which bounds the engine's work the same way. The parser and
/// <see cref="FilterJson"/> check it on what the caller sent; call <see cref="EnsureWithinLimits"/> again only if a
/// combined filter must be bounded too.
/// </summary>
public static class FilterLimits
{
    /// <summary>Most conditions a filter may hold.</summary>
    public const int MaxConditions = 2000;

    /// <summary>Counts comparison, range, IN, presence, text-match and geo conditions.</summary>
    public static int CountConditions(FilterExpression? filter)
    {
        var count = 0;
        var pending = new Stack<FilterExpression>();
        if (filter is not null)
        {
            pending.Push(filter);
        }

        while (pending.TryPop(out var node))
        {
            switch (node)
            {
                case AndFilter all:
                    foreach (var operand in all.Operands)
                    {
                        pending.Push(operand);
                    }

                    break;
                case OrFilter any:
                    foreach (var operand in any.Operands)
                    {
                        pending.Push(operand);
                    }

                    break;
                case NotFilter negation:
                    pending.Push(negation.Operand);
                    break;
                default:
                    count++;
                    break;
            }
        }

        return count;
    }

    /// <exception cref="FilterParseException">More than <see cref="MaxConditions"/> conditions.</exception>
    public static void EnsureWithinLimits(FilterExpression? filter)
    {
        if (CountConditions(filter) > MaxConditions)
        {
            throw new FilterParseException(FilterErrors.TooManyConditions(MaxConditions));
        }
    }
}
