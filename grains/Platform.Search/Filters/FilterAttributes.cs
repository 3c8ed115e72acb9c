namespace Platform.Search.Filters;

/// <summary>
/// The attributes a filter reads, for checks against reserved attributes (the platform's <c>_tenant</c>) and the
/// index's filterable attributes. Geo conditions read <c>_geo</c>.
/// </summary>
public static class FilterAttributes
{
    /// <summary>The geo field every <see cref="GeoFilter"/> reads.</summary>
    public const string GeoAttribute = "_geo";

    /// <summary>Every attribute referenced, once each, in order of first appearance (ordinal comparison).</summary>
    public static IReadOnlyList<string> Collect(FilterExpression? filter) => Gather(filter, includeGeo: true);

    /// <summary>
    /// The attributes the filter's conditions name, as <see cref="Collect"/> but without the <see cref="GeoAttribute"/>
    /// that geo built-ins (<c>_geoRadius</c>, …) read implicitly.
    /// </summary>
    public static IReadOnlyList<string> Named(FilterExpression? filter) => Gather(filter, includeGeo: false);

    /// <summary>True when the filter reads <paramref name="attribute"/> itself or a field nested under it
    /// (<c>_tenant</c> also covers <c>_tenant.id</c>), since Meilisearch addresses nested fields with dots.</summary>
    public static bool References(FilterExpression? filter, string attribute)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        return Collect(filter).Any(a =>
            a == attribute || (a.StartsWith(attribute, StringComparison.Ordinal) && a.Length > attribute.Length && a[attribute.Length] == '.'));
    }

    private static List<string> Gather(FilterExpression? filter, bool includeGeo)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var attributes = new List<string>();
        Visit(filter, attribute =>
        {
            if (seen.Add(attribute))
            {
                attributes.Add(attribute);
            }
        }, includeGeo);
        return attributes;
    }

    private static void Visit(FilterExpression? filter, Action<string> report, bool includeGeo)
    {
        switch (filter)
        {
            case null:
                break;
            case AndFilter all:
                foreach (var operand in all.Operands)
                {
                    Visit(operand, report, includeGeo);
                }

                break;
            case OrFilter any:
                foreach (var operand in any.Operands)
                {
                    Visit(operand, report, includeGeo);
                }

                break;
            case NotFilter negation:
                Visit(negation.Operand, report, includeGeo);
                break;
            case ComparisonFilter c:
                report(c.Attribute);
                break;
            case RangeFilter r:
                report(r.Attribute);
                break;
            case InFilter i:
                report(i.Attribute);
                break;
            case PresenceFilter p:
                report(p.Attribute);
                break;
            case TextMatchFilter t:
                report(t.Attribute);
                break;
            case GeoFilter when includeGeo:
                report(GeoAttribute);
                break;
        }
    }
}
