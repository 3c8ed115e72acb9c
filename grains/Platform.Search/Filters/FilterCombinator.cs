namespace Platform.Search.Filters;

/// <summary>
/// Combines filters on the tree rather than by pasting strings, so whatever a request filter contains (an <c>OR</c>,
/// an unbalanced parenthesis) stays one operand of the conjunction. This is how the platform fuses
/// <c>isolation AND tenant rules AND token rule AND request filter</c>.
/// </summary>
public static class FilterCombinator
{
    /// <summary>All non-null operands must hold. Null operands (no filter) are skipped; the result is null when every
    /// operand is null, the operand itself when only one is left, and otherwise one flat <see cref="AndFilter"/>.</summary>
    public static FilterExpression? And(params FilterExpression?[] operands)
    {
        ArgumentNullException.ThrowIfNull(operands);
        var flat = new List<FilterExpression>();
        foreach (var operand in operands)
        {
            switch (operand)
            {
                case null:
                    break;
                case AndFilter all:
                    flat.AddRange(all.Operands);
                    break;
                default:
                    flat.Add(operand);
                    break;
            }
        }

        return flat.Count switch
        {
            0 => null,
            1 => flat[0],
            _ => new AndFilter(flat),
        };
    }

    /// <summary><c>NOT operand</c>, removing a double negation as the parser does.</summary>
    public static FilterExpression Not(FilterExpression operand)
    {
        ArgumentNullException.ThrowIfNull(operand);
        return operand is NotFilter negation ? negation.Operand : new NotFilter(operand);
    }
}
