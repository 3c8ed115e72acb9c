using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Platform.Search.Embedded.Json;
using Platform.Search.Embedded.Storage;
using Platform.Search.Engine;
using Platform.Search.Filters;

namespace Platform.Search.Embedded.Querying;

/// <summary>
/// Turns a parsed filter into a Lucene query, checking every attribute against the filterable attributes first
/// (compat §5.6). Equality matches a value both as a case-insensitive string and, when it parses, as a number;
/// <c>!=</c> and <c>NOT</c> are complements (so they match documents missing the attribute); arrays match when any
/// element matches. The tenant restriction is not added here: the index applies it to every query.
/// </summary>
internal sealed class FilterCompiler(string indexUid, IndexSettings settings, string errorCode)
{
    private static readonly string[] GeoFields = ["_geo", "_geoDistance", "_geoPoint"];

    public Query Compile(FilterExpression filter) => filter switch
    {
        AndFilter and => Combine(and.Operands, Occur.MUST),
        OrFilter or => Combine(or.Operands, Occur.SHOULD),
        NotFilter not => Not(Compile(not.Operand)),
        ComparisonFilter c => Comparison(c),
        RangeFilter r => Range(Check(r.Attribute), r.From, r.To),
        InFilter @in => In(@in),
        PresenceFilter p => new TermQuery(new Term(p.Operator switch
        {
            PresenceOperator.Exists => FieldNames.Exists,
            PresenceOperator.IsNull => FieldNames.Null,
            _ => FieldNames.Empty,
        }, Check(p.Attribute))),
        TextMatchFilter { Operator: TextMatchOperator.Contains } t => ContainsNotEnabled(t.Attribute),
        TextMatchFilter t => new PrefixQuery(new Term(FieldNames.Keyword(Check(t.Attribute)), FieldNames.NormalizeKeyword(t.Value))),
        GeoFilter => Geo(),
        _ => throw new SearchEngineException(errorCode, $"Unsupported filter node `{filter.GetType().Name}`."),
    };

    private Query Combine(IReadOnlyList<FilterExpression> operands, Occur occur)
    {
        var query = new BooleanQuery();
        foreach (var operand in operands)
        {
            query.Add(Compile(operand), occur);
        }

        return query;
    }

    private static Query Not(Query inner) => new BooleanQuery
    {
        { new MatchAllDocsQuery(), Occur.MUST },
        { inner, Occur.MUST_NOT },
    };

    private Query Comparison(ComparisonFilter c)
    {
        var attribute = Check(c.Attribute);
        var number = ParseNumber(c.Value);
        var keyword = FieldNames.Keyword(attribute);
        var value = FieldNames.NormalizeKeyword(c.Value);
        switch (c.Operator)
        {
            case ComparisonOperator.Equal:
                return Equal(attribute, c.Value);
            case ComparisonOperator.NotEqual:
                return Not(Equal(attribute, c.Value));
        }

        var lower = c.Operator is ComparisonOperator.GreaterThan or ComparisonOperator.GreaterThanOrEqual;
        var inclusive = c.Operator is ComparisonOperator.GreaterThanOrEqual or ComparisonOperator.LowerThanOrEqual;
        if (number is { } n)
        {
            return lower
                ? NumericRangeQuery.NewDoubleRange(FieldNames.Numeric(attribute), n, null, inclusive, true)
                : NumericRangeQuery.NewDoubleRange(FieldNames.Numeric(attribute), null, n, true, inclusive);
        }

        // Recent Meilisearch versions compare strings lexicographically when the value is not a number.
        return lower
            ? TermRangeQuery.NewStringRange(keyword, value, null, inclusive, true)
            : TermRangeQuery.NewStringRange(keyword, null, value, true, inclusive);
    }

    private Query Range(string attribute, string from, string to)
    {
        if (ParseNumber(from) is { } f && ParseNumber(to) is { } t)
        {
            return NumericRangeQuery.NewDoubleRange(FieldNames.Numeric(attribute), f, t, true, true);
        }

        return TermRangeQuery.NewStringRange(FieldNames.Keyword(attribute), FieldNames.NormalizeKeyword(from), FieldNames.NormalizeKeyword(to), true, true);
    }

    private Query In(InFilter filter)
    {
        var attribute = Check(filter.Attribute);
        var any = new BooleanQuery();
        foreach (var value in filter.Values)
        {
            any.Add(Equal(attribute, value), Occur.SHOULD);
        }

        return filter.Values.Count == 0 ? Not(new MatchAllDocsQuery()) : any;
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

    private Query ContainsNotEnabled(string attribute)
    {
        Check(attribute);
        throw SearchEngineErrors.ContainsNotEnabled();
    }

    private Query Geo()
    {
        if (!AttributePatterns.AnyCovers(settings.FilterableAttributes, "_geo"))
        {
            throw SearchEngineErrors.NotFilterable(indexUid, "_geo", settings.FilterableAttributes, errorCode);
        }

        // REVIEW: geo filtering is not implemented by the embedded engine yet.
        throw new SearchEngineException(errorCode, "Geo filters are not supported by the embedded engine.");
    }

    private string Check(string attribute)
    {
        if (attribute == SearchEngineErrors.TenantAttribute || attribute.StartsWith(SearchEngineErrors.TenantAttribute + ".", StringComparison.Ordinal))
        {
            throw SearchEngineErrors.ReservedAttribute("a filter");
        }

        if (GeoFields.Contains(attribute))
        {
            throw SearchEngineErrors.ReservedGeoField(attribute, errorCode);
        }

        if (!AttributePatterns.AnyCovers(settings.FilterableAttributes, attribute))
        {
            throw SearchEngineErrors.NotFilterable(indexUid, attribute, settings.FilterableAttributes, errorCode);
        }

        return attribute;
    }
}
