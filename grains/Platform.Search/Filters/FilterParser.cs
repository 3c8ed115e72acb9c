using System.Diagnostics.CodeAnalysis;

namespace Platform.Search.Filters;

/// <summary>
/// Parses Meilisearch's filter strings (docs/rules-and-filters.md#filter-language) into <see cref="FilterExpression"/> trees.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Precedence OR &lt; AND &lt; NOT; parentheses group. <c>a AND b AND c</c> is one n-ary <see cref="AndFilter"/>,
/// and a parenthesised group of the same kind is merged into its parent (<c>(a AND b) AND c</c> gives the same tree),
/// so no And sits directly in an And and no Or in an Or.</item>
/// <item>Negation collapses as in Meilisearch: <c>NOT NOT x</c> is <c>x</c>, and <c>NOT a IS NOT NULL</c> is
/// <c>a IS NULL</c>. A parsed tree therefore never holds a <see cref="NotFilter"/> directly inside another.</item>
/// <item>Nesting depth counts every open parenthesis and every prefix <c>NOT</c> on the way to a condition; more than
/// <see cref="MaxDepth"/> is refused. After parsing, more than <see cref="FilterLimits.MaxConditions"/> conditions
/// (leaves) are refused as well.</item>
/// </list>
/// </remarks>
public static class FilterParser
{
    /// <summary>Deepest nesting of parentheses and prefix NOTs that is accepted.</summary>
    public const int MaxDepth = 150;

    /// <summary>Parses <paramref name="filter"/>; an empty or all-whitespace filter means "no filter" and gives null.</summary>
    /// <exception cref="FilterParseException">The filter is invalid; the message is Meilisearch's.</exception>
    public static FilterExpression? Parse(string filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (string.IsNullOrWhiteSpace(filter))
        {
            return null;
        }

        var expression = new Grammar(filter).ParseFilter();
        FilterLimits.EnsureWithinLimits(expression);
        return expression;
    }

    /// <summary>Like <see cref="Parse"/>, reporting an invalid filter through <paramref name="error"/> instead of throwing.</summary>
    public static bool TryParse(string filter, out FilterExpression? expression, [NotNullWhen(false)] out FilterParseException? error)
    {
        try
        {
            expression = Parse(filter);
            error = null;
            return true;
        }
        catch (FilterParseException e)
        {
            expression = null;
            error = e;
            return false;
        }
    }

    /// <summary>Recursive descent over one filter string; each method consumes the whitespace after what it reads.</summary>
    private sealed class Grammar(string text)
    {
        private readonly FilterScanner _scanner = new(text);
        private int _depth;

        public FilterExpression ParseFilter()
        {
            var expression = ParseOr();
            _scanner.SkipWhitespace();
            if (!_scanner.AtEnd)
            {
                var start = _scanner.Position;
                throw _scanner.ErrorToEnd(start, FilterErrors.ExpectedEof(text[start..]));
            }

            return expression;
        }

        private FilterExpression ParseOr()
        {
            var operands = new List<FilterExpression>();
            AddMerged<OrFilter>(operands, ParseAnd());
            while (_scanner.TryKeyword("OR"))
            {
                AddMerged<OrFilter>(operands, ParseAnd());
            }

            return operands.Count == 1 ? operands[0] : new OrFilter(operands);
        }

        private FilterExpression ParseAnd()
        {
            var operands = new List<FilterExpression>();
            AddMerged<AndFilter>(operands, ParseNot());
            while (_scanner.TryKeyword("AND"))
            {
                AddMerged<AndFilter>(operands, ParseNot());
            }

            return operands.Count == 1 ? operands[0] : new AndFilter(operands);
        }

        private static void AddMerged<TGroup>(List<FilterExpression> operands, FilterExpression operand)
            where TGroup : FilterExpression
        {
            switch (operand)
            {
                case AndFilter all when typeof(TGroup) == typeof(AndFilter):
                    operands.AddRange(all.Operands);
                    break;
                case OrFilter any when typeof(TGroup) == typeof(OrFilter):
                    operands.AddRange(any.Operands);
                    break;
                default:
                    operands.Add(operand);
                    break;
            }
        }

        private FilterExpression ParseNot()
        {
            if (!_scanner.TryKeyword("NOT"))
            {
                return ParsePrimary();
            }

            EnterNesting();
            var operand = ParseNot();
            _depth--;
            return Negate(operand);
        }

        private static FilterExpression Negate(FilterExpression operand) =>
            operand is NotFilter negation ? negation.Operand : new NotFilter(operand);

        private void EnterNesting()
        {
            if (++_depth > MaxDepth)
            {
                throw _scanner.ErrorToEnd(_scanner.Position, FilterErrors.DepthLimit);
            }
        }

        private FilterExpression ParsePrimary()
        {
            // Meilisearch points primary errors at everything from here to the end of the filter.
            var start = _scanner.Position;
            _scanner.SkipWhitespace();
            if (_scanner.TryChar('('))
            {
                _scanner.SkipWhitespace();
                EnterNesting();
                var inner = ParseOr();
                _depth--;
                _scanner.SkipWhitespace();
                if (!_scanner.TryChar(')'))
                {
                    throw _scanner.ErrorToEnd(start, FilterErrors.MissingClosingDelimiter(text[start..], ')'));
                }

                _scanner.SkipWhitespace();
                return inner;
            }

            switch (_scanner.WordAt(_scanner.Position))
            {
                case "_geoRadius": return ParseGeo(start, GeoOperator.Radius);
                case "_geoBoundingBox": return ParseGeo(start, GeoOperator.BoundingBox);
                case "_geoPolygon": return ParseGeo(start, GeoOperator.Polygon);
            }

            if (!_scanner.TryReadValue(out var attribute, out var failure))
            {
                throw failure!.Fatal || failure.Keyword ? failure.Error : InvalidPrimary(start);
            }

            return ParseCondition(start, attribute);
        }

        private FilterExpression ParseCondition(int start, string attribute)
        {
            if (TryOperator(out var op))
            {
                return new ComparisonFilter(attribute, op, ReadValue());
            }

            if (_scanner.TryKeyword("IN"))
            {
                return new InFilter(attribute, ParseInList());
            }

            if (_scanner.TryKeyword("EXISTS"))
            {
                return new PresenceFilter(attribute, PresenceOperator.Exists);
            }

            if (_scanner.TryKeyword("IS"))
            {
                var negated = _scanner.TryKeyword("NOT");
                FilterExpression presence = _scanner.TryKeyword("NULL") ? new PresenceFilter(attribute, PresenceOperator.IsNull)
                    : _scanner.TryKeyword("EMPTY") ? new PresenceFilter(attribute, PresenceOperator.IsEmpty)
                    : throw InvalidPrimary(start);
                return negated ? new NotFilter(presence) : presence;
            }

            if (_scanner.TryKeyword("NOT"))
            {
                return new NotFilter(ParsePositiveAfterNot(start, attribute));
            }

            if (_scanner.TryKeyword("CONTAINS"))
            {
                return new TextMatchFilter(attribute, TextMatchOperator.Contains, ReadValue());
            }

            if (_scanner.TryKeyword("STARTS"))
            {
                return _scanner.TryKeyword("WITH")
                    ? new TextMatchFilter(attribute, TextMatchOperator.StartsWith, ReadValue())
                    : throw InvalidPrimary(start);
            }

            if (!_scanner.TryReadValue(out var from, out var failure))
            {
                throw failure!.Fatal ? failure.Error : InvalidPrimary(start);
            }

            return _scanner.TryKeyword("TO") ? new RangeFilter(attribute, from, ReadValue()) : throw InvalidPrimary(start);
        }

        /// <summary>The condition after <c>attribute NOT</c>: <c>IN</c>, <c>EXISTS</c>, <c>CONTAINS</c> or <c>STARTS WITH</c>.</summary>
        private FilterExpression ParsePositiveAfterNot(int start, string attribute)
        {
            if (_scanner.TryKeyword("IN"))
            {
                return new InFilter(attribute, ParseInList());
            }

            if (_scanner.TryKeyword("EXISTS"))
            {
                return new PresenceFilter(attribute, PresenceOperator.Exists);
            }

            if (_scanner.TryKeyword("CONTAINS"))
            {
                return new TextMatchFilter(attribute, TextMatchOperator.Contains, ReadValue());
            }

            if (_scanner.TryKeyword("STARTS") && _scanner.TryKeyword("WITH"))
            {
                return new TextMatchFilter(attribute, TextMatchOperator.StartsWith, ReadValue());
            }

            throw InvalidPrimary(start);
        }

        private bool TryOperator(out ComparisonOperator op)
        {
            _scanner.SkipWhitespace();
            var rest = text.AsSpan(_scanner.Position);
            (op, var length) = rest switch
            {
                _ when rest.StartsWith("<=") => (ComparisonOperator.LowerThanOrEqual, 2),
                _ when rest.StartsWith(">=") => (ComparisonOperator.GreaterThanOrEqual, 2),
                _ when rest.StartsWith("!=") => (ComparisonOperator.NotEqual, 2),
                _ when rest.StartsWith("<") => (ComparisonOperator.LowerThan, 1),
                _ when rest.StartsWith(">") => (ComparisonOperator.GreaterThan, 1),
                _ when rest.StartsWith("=") => (ComparisonOperator.Equal, 1),
                _ => (default, 0),
            };
            _scanner.Position += length;
            return length > 0;
        }

        /// <summary>A value that must be there (after an operator or keyword): every failure is reported as is.</summary>
        private string ReadValue() =>
            _scanner.TryReadValue(out var value, out var failure) ? value : throw failure!.Error;

        /// <summary><c>[v1, v2, …]</c> after <c>IN</c>; a trailing comma and an empty list are allowed.</summary>
        private List<string> ParseInList()
        {
            if (!_scanner.TryChar('['))
            {
                throw _scanner.ErrorToEnd(_scanner.Position, FilterErrors.InOpeningBracket);
            }

            var values = new List<string>();
            while (true)
            {
                if (!_scanner.TryReadValue(out var value, out var failure))
                {
                    if (failure!.Fatal)
                    {
                        throw failure.Error;
                    }

                    break;
                }

                values.Add(value);
                var afterValue = _scanner.Position;
                _scanner.SkipWhitespace();
                if (!_scanner.TryChar(','))
                {
                    _scanner.Position = afterValue;
                    break;
                }
            }

            // The trailing comma: `[a, b,]`, and `[,]` as Meilisearch also reads it.
            var beforeComma = _scanner.Position;
            _scanner.SkipWhitespace();
            if (!_scanner.TryChar(','))
            {
                _scanner.Position = beforeComma;
            }

            _scanner.SkipWhitespace();
            if (_scanner.TryChar(']'))
            {
                _scanner.SkipWhitespace();
                return values;
            }

            var position = _scanner.Position;
            throw _scanner.AtEnd
                ? _scanner.ErrorAt(position, position, FilterErrors.InClosingBracket)
                : _scanner.ErrorToEnd(position, FilterErrors.InExpectedValue(text[position..]));
        }

        /// <summary><c>_geoRadius(lat, lng, distance[, resolution])</c>, <c>_geoBoundingBox([lat, lng], [lat, lng])</c> and
        /// <c>_geoPolygon([lat, lng], …)</c>. No space is allowed between the name and <c>(</c>, as in Meilisearch.</summary>
        private GeoFilter ParseGeo(int start, GeoOperator op)
        {
            var (name, message) = op switch
            {
                GeoOperator.Radius => ("_geoRadius", FilterErrors.GeoRadiusArguments),
                GeoOperator.BoundingBox => ("_geoBoundingBox", FilterErrors.GeoBoundingBoxArguments),
                _ => ("_geoPolygon", FilterErrors.GeoPolygonArguments),
            };
            _scanner.SkipWhitespace();
            _scanner.Position += name.Length;
            var arguments = op == GeoOperator.Radius ? ReadNumberList('(', ')') : ReadPointList();
            var valid = op switch
            {
                GeoOperator.Radius => arguments is { Count: 3 or 4 },
                GeoOperator.BoundingBox => arguments is { Count: 4 },
                _ => arguments is { Count: >= 6 },
            };
            if (!valid)
            {
                throw _scanner.ErrorToEnd(start, message);
            }

            _scanner.SkipWhitespace();
            return new GeoFilter(op, arguments!);
        }

        /// <summary><c>([a, b], [c, d], …)</c> flattened, or null when malformed or a point is not a pair.</summary>
        private List<string>? ReadPointList()
        {
            if (!_scanner.TryChar('('))
            {
                return null;
            }

            var numbers = new List<string>();
            do
            {
                _scanner.SkipWhitespace();
                var point = ReadNumberList('[', ']');
                if (point is not { Count: 2 })
                {
                    return null;
                }

                numbers.AddRange(point);
                _scanner.SkipWhitespace();
            }
            while (_scanner.TryChar(','));

            return _scanner.TryChar(')') ? numbers : null;
        }

        /// <summary><c>open n (, n)* close</c> with optional whitespace around numbers, or null when malformed.</summary>
        private List<string>? ReadNumberList(char open, char close)
        {
            if (!_scanner.TryChar(open))
            {
                return null;
            }

            var numbers = new List<string>();
            do
            {
                _scanner.SkipWhitespace();
                if (!_scanner.TryReadNumber(out var number))
                {
                    return null;
                }

                numbers.Add(number);
                _scanner.SkipWhitespace();
            }
            while (_scanner.TryChar(','));

            return _scanner.TryChar(close) ? numbers : null;
        }

        private FilterParseException InvalidPrimary(int start) =>
            _scanner.ErrorToEnd(start, FilterErrors.InvalidPrimary(text[start..]));
    }
}
