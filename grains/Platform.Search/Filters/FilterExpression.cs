using System.Text.Json.Serialization;

namespace Platform.Search.Filters;

/// <summary>
/// A parsed Meilisearch filter (docs/rules-and-filters.md#filter-language). Nodes are immutable; <see cref="FilterPrinter"/> prints any node back
/// in a canonical form that <see cref="FilterParser"/> reads to an equal tree.
/// </summary>
/// <remarks>The JSON discriminators let a tree cross process boundaries (grain calls) without a custom codec.</remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$kind")]
[JsonDerivedType(typeof(AndFilter), "and")]
[JsonDerivedType(typeof(OrFilter), "or")]
[JsonDerivedType(typeof(NotFilter), "not")]
[JsonDerivedType(typeof(ComparisonFilter), "comparison")]
[JsonDerivedType(typeof(RangeFilter), "range")]
[JsonDerivedType(typeof(InFilter), "in")]
[JsonDerivedType(typeof(PresenceFilter), "presence")]
[JsonDerivedType(typeof(TextMatchFilter), "text")]
[JsonDerivedType(typeof(GeoFilter), "geo")]
public abstract record FilterExpression;

/// <summary>All operands must hold (n-ary; never empty, never nested directly in another <see cref="AndFilter"/>).</summary>
public sealed record AndFilter(IReadOnlyList<FilterExpression> Operands) : FilterExpression
{
    public bool Equals(AndFilter? other) => other is not null && Operands.SequenceEqual(other.Operands);
    public override int GetHashCode() => Operands.Aggregate(17, (h, o) => HashCode.Combine(h, o));
}

/// <summary>At least one operand must hold (n-ary; never empty, never nested directly in another <see cref="OrFilter"/>).</summary>
public sealed record OrFilter(IReadOnlyList<FilterExpression> Operands) : FilterExpression
{
    public bool Equals(OrFilter? other) => other is not null && Operands.SequenceEqual(other.Operands);
    public override int GetHashCode() => Operands.Aggregate(19, (h, o) => HashCode.Combine(h, o));
}

/// <summary><c>NOT operand</c>. <c>a NOT IN [...]</c>, <c>a IS NOT NULL</c>, <c>a NOT EXISTS</c> and the other negated
/// operators parse to a <see cref="NotFilter"/> around the positive condition, as Meilisearch does.</summary>
public sealed record NotFilter(FilterExpression Operand) : FilterExpression;

/// <summary><c>attribute op value</c> for <c>= != &gt; &gt;= &lt; &lt;=</c>.</summary>
public sealed record ComparisonFilter(string Attribute, ComparisonOperator Operator, string Value) : FilterExpression;

/// <summary><c>attribute from TO to</c> (inclusive on both ends).</summary>
public sealed record RangeFilter(string Attribute, string From, string To) : FilterExpression;

/// <summary><c>attribute IN [v1, v2, …]</c>.</summary>
public sealed record InFilter(string Attribute, IReadOnlyList<string> Values) : FilterExpression
{
    public bool Equals(InFilter? other) =>
        other is not null && Attribute == other.Attribute && Values.SequenceEqual(other.Values);
    public override int GetHashCode() => Values.Aggregate(Attribute.GetHashCode(StringComparison.Ordinal), HashCode.Combine);
}

/// <summary><c>attribute EXISTS</c>, <c>attribute IS NULL</c>, <c>attribute IS EMPTY</c>.</summary>
public sealed record PresenceFilter(string Attribute, PresenceOperator Operator) : FilterExpression;

/// <summary><c>attribute CONTAINS value</c> and <c>attribute STARTS WITH value</c>.</summary>
public sealed record TextMatchFilter(string Attribute, TextMatchOperator Operator, string Value) : FilterExpression;

/// <summary><c>_geoRadius(lat, lng, distance[, resolution])</c>, <c>_geoBoundingBox([lat, lng], [lat, lng])</c> and
/// <c>_geoPolygon([lat, lng], …)</c>, kept as their numeric arguments in source order.</summary>
public sealed record GeoFilter(GeoOperator Operator, IReadOnlyList<string> Arguments) : FilterExpression
{
    public bool Equals(GeoFilter? other) =>
        other is not null && Operator == other.Operator && Arguments.SequenceEqual(other.Arguments);
    public override int GetHashCode() => Arguments.Aggregate((int)Operator, HashCode.Combine);
}

public enum ComparisonOperator { Equal, NotEqual, GreaterThan, GreaterThanOrEqual, LowerThan, LowerThanOrEqual }

public enum PresenceOperator { Exists, IsNull, IsEmpty }

public enum TextMatchOperator { Contains, StartsWith }

public enum GeoOperator { Radius, BoundingBox, Polygon }
