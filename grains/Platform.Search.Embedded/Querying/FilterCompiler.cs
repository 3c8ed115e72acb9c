using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Platform.Search.Embedded.Json;
using Platform.Search.Embedded.Storage;
using Platform.Search.Engine;
using Platform.Search.Filters;

namespace Platform.Search.Embedded.Querying;

/// <summary>
/// Turns a parsed filter into a Lucene query after checking it in Meilisearch's order (docs/rules-and-filters.md#filter-language): reserved names,
/// then <c>CONTAINS</c>, then every attribute against the filterable attributes. Equality matches a value both as a
/// case-insensitive string and, when it parses, as a number; comparisons and <c>TO</c> likewise cover both;
/// <c>!=</c> and <c>NOT</c> are complements (so they match documents missing the attribute); arrays match when any
/// element matches. The tenant restriction is not added here: the index applies it to every query.
/// </summary>
internal sealed class FilterCompiler(string indexUid, IndexSettings settings, string errorCode)
{
    /// <summary>Most clauses one compiled boolean query gets; well under Lucene's default limit of 1,024.</summary>
    internal const int ClausesPerGroup = 512;

    private static readonly string[] GeoFields = ["_geo", "_geoDistance", "_geoPoint"];

    private FilterExpression _root = null!;

    /// <summary>
    /// The checks Meilisearch makes while parsing, before it looks at the index: reserved names and the
    /// <c>CONTAINS</c> feature. Facet search runs them before checking the facet name, the rest after.
    /// </summary>
    public void CheckParsed(FilterExpression filter)
    {
        var conditions = Conditions(filter).ToList();
        foreach (var attribute in conditions.Select(AttributeOf).OfType<string>())
        {
            if (attribute == SearchEngineErrors.TenantAttribute || attribute.StartsWith(SearchEngineErrors.TenantAttribute + ".", StringComparison.Ordinal))
            {
                throw SearchEngineErrors.ReservedAttribute("a filter");
            }

            if (GeoFields.Contains(attribute))
            {
                throw SearchEngineErrors.ReservedGeoField(attribute, errorCode);
            }
        }

        if (conditions.OfType<TextMatchFilter>().FirstOrDefault(t => t.Operator == TextMatchOperator.Contains) is { } contains)
        {
            throw SearchEngineErrors.ContainsNotEnabled(FilterPositions.ContainsKeyword(filter, contains));
        }
    }

    public Query Compile(FilterExpression filter)
    {
        CheckParsed(filter);
        _root = filter;
        foreach (var condition in Conditions(filter))
        {
            if (AttributeOf(condition) is { } attribute && !AttributePatterns.AnyCovers(settings.FilterableAttributes, attribute))
            {
                throw SearchEngineErrors.NotFilterable(indexUid, attribute, settings.FilterableAttributes, errorCode, FilterPositions.Attribute(filter, condition));
            }
        }

        return Build(filter);
    }

    private Query Build(FilterExpression filter) => filter switch
    {
        AndFilter and => Combine(and.Operands, Occur.MUST),
        OrFilter or => Combine(or.Operands, Occur.SHOULD),
        NotFilter not => Not(Build(not.Operand)),
        ComparisonFilter c => Comparison(c),
        RangeFilter r => Range(r.Attribute, r.From, r.To),
        InFilter @in => In(@in),
        PresenceFilter p => new TermQuery(new Term(p.Operator switch
        {
            PresenceOperator.Exists => FieldNames.Exists,
            PresenceOperator.IsNull => FieldNames.Null,
            _ => FieldNames.Empty,
        }, p.Attribute)),
        TextMatchFilter t => new PrefixQuery(new Term(FieldNames.Keyword(t.Attribute), FieldNames.NormalizeKeyword(t.Value))),
        GeoFilter g => Geo(g),
        _ => throw new SearchEngineException(errorCode, $"Unsupported filter node `{filter.GetType().Name}`."),
    };

    /// <summary>The conditions of a filter in Meilisearch's traversal order (left to right).</summary>
    private static IEnumerable<FilterExpression> Conditions(FilterExpression filter) => filter switch
    {
        AndFilter and => and.Operands.SelectMany(Conditions),
        OrFilter or => or.Operands.SelectMany(Conditions),
        NotFilter not => Conditions(not.Operand),
        _ => [filter],
    };

    /// <summary>The attribute a condition filters on; null for geo filters, which name none.</summary>
    private static string? AttributeOf(FilterExpression condition) => condition switch
    {
        ComparisonFilter c => c.Attribute,
        RangeFilter r => r.Attribute,
        InFilter i => i.Attribute,
        PresenceFilter p => p.Attribute,
        TextMatchFilter t => t.Attribute,
        _ => null,
    };

    private Query Combine(IReadOnlyList<FilterExpression> operands, Occur occur) => Group(operands.Select(Build).ToList(), occur);

    /// <summary>
    /// Lucene refuses a boolean query of more than <see cref="BooleanQuery.MaxClauseCount"/> (1,024) clauses, and a
    /// filter may hold <see cref="FilterLimits.MaxConditions"/>. An AND of ANDs and an OR of ORs match the same
    /// documents as the flat list, so long lists are nested in groups of <see cref="ClausesPerGroup"/> instead.
    /// </summary>
    private static Query Group(List<Query> clauses, Occur occur)
    {
        while (clauses.Count > ClausesPerGroup)
        {
            clauses = clauses.Chunk(ClausesPerGroup).Select(chunk => Group([.. chunk], occur)).ToList();
        }

        var query = new BooleanQuery();
        foreach (var clause in clauses)
        {
            query.Add(clause, occur);
        }

        return query;
    }

    private static Query Not(Query inner) => new BooleanQuery
    {
        { new MatchAllDocsQuery(), Occur.MUST },
        { inner, Occur.MUST_NOT },
    };

    private static Query Comparison(ComparisonFilter c)
    {
        switch (c.Operator)
        {
            case ComparisonOperator.Equal:
                return Equal(c.Attribute, c.Value);
            case ComparisonOperator.NotEqual:
                return Not(Equal(c.Attribute, c.Value));
        }

        var lower = c.Operator is ComparisonOperator.GreaterThan or ComparisonOperator.GreaterThanOrEqual;
        var inclusive = c.Operator is ComparisonOperator.GreaterThanOrEqual or ComparisonOperator.LowerThanOrEqual;
        var keyword = FieldNames.Keyword(c.Attribute);
        var value = FieldNames.NormalizeKeyword(c.Value);

        // Since v1.15 Meilisearch compares string values lexicographically as well, even when the value is a number
        // (so `rating > 8.5` also matches "unrated").
        var strings = lower
            ? TermRangeQuery.NewStringRange(keyword, value, null, inclusive, true)
            : TermRangeQuery.NewStringRange(keyword, null, value, true, inclusive);
        if (ParseNumber(c.Value) is not { } n)
        {
            return strings;
        }

        var numbers = lower
            ? NumericRangeQuery.NewDoubleRange(FieldNames.Numeric(c.Attribute), n, null, inclusive, true)
            : NumericRangeQuery.NewDoubleRange(FieldNames.Numeric(c.Attribute), null, n, true, inclusive);
        return Either(numbers, strings);
    }

    private static Query Range(string attribute, string from, string to)
    {
        var strings = TermRangeQuery.NewStringRange(FieldNames.Keyword(attribute), FieldNames.NormalizeKeyword(from), FieldNames.NormalizeKeyword(to), true, true);
        return ParseNumber(from) is { } f && ParseNumber(to) is { } t
            ? Either(NumericRangeQuery.NewDoubleRange(FieldNames.Numeric(attribute), f, t, true, true), strings)
            : strings;
    }

    private static Query Either(Query first, Query second) => new BooleanQuery
    {
        { first, Occur.SHOULD },
        { second, Occur.SHOULD },
    };

    private Query In(InFilter filter)
    {
        var attribute = filter.Attribute;
        return filter.Values.Count == 0
            ? Not(new MatchAllDocsQuery())
            : Group(filter.Values.Select(value => Equal(attribute, value)).ToList(), Occur.SHOULD);
    }

    private static Query Equal(string attribute, string value)
    {
        var keyword = new TermQuery(new Term(FieldNames.Keyword(attribute), FieldNames.NormalizeKeyword(value)));
        if (ParseNumber(value) is not { } n)
        {
            return keyword;
        }

        return new BooleanQuery
        {
            { keyword, Occur.SHOULD },
            { NumericRangeQuery.NewDoubleRange(FieldNames.Numeric(attribute), n, n, true, true), Occur.SHOULD },
        };
    }

    private static double? ParseNumber(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null;

    private Query Geo(GeoFilter geo)
    {
        if (!AttributePatterns.AnyCovers(settings.FilterableAttributes, "_geo"))
        {
            // Meilisearch names both geo attributes (a radius or box can use either; a polygon only `_geojson`).
            var attribute = geo.Operator == GeoOperator.Polygon ? "_geojson" : "_geo/_geojson";
            throw SearchEngineErrors.NotFilterable(indexUid, attribute, settings.FilterableAttributes, errorCode, FilterPositions.GeoPoint(_root, geo));
        }

        // REVIEW: geo filtering is not implemented by the embedded engine yet.
        throw new SearchEngineException(errorCode, "Geo filters are not supported by the embedded engine.");
    }
}
