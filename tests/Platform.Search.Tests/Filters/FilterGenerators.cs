using CsCheck;
using Platform.Search.Filters;

namespace Platform.Search.Tests.Filters;

/// <summary>
/// CsCheck generators for filter trees that respect the invariants of <see cref="FilterExpression"/>: And and Or have
/// at least two operands and never hold their own kind directly, and a Not never holds a Not (the parser collapses
/// double negation). Texts mix plain words, keywords, reserved geo words, quotes, backslashes and non-ASCII letters.
/// </summary>
internal static class FilterGenerators
{
    private static readonly Gen<string> Piece = Gen.OneOf(
        "a", "Z", "0", "9", "_", "-", ".", " ", "é", "ß", "日本", "😀", "𝔘", "\u0301", "\u00a0",
        "'", "\"", "\\", "\\\"", "(", ")", "[", "]", ",", "=", "!", "<", ">", "\t", "\n", "\r", "\0", "\u2028",
        "AND", "and", "NOT", "OR", "TO", "IN", "_geo");

    private static readonly Gen<string> Word = Gen.OneOf(
        "a", "color", "doggos.age", "_tenant", "x-y", "release_date", "1.5", "-3", "été", "日本語", "Ⅻ", "ＡＢ",
        "AND", "OR", "IN", "NOT", "TO", "EXISTS", "IS", "NULL", "EMPTY", "CONTAINS", "STARTS", "WITH",
        "_geoRadius", "_geoBoundingBox", "_geoPolygon", "_geo", "_geoDistance", "_geoPoint", "and", "or", "not", "");

    /// <summary>An attribute name or value.</summary>
    public static readonly Gen<string> Text = Gen.Frequency(
        (3, Word),
        (2, Piece.Array[0, 6].Select(string.Concat)));

    private static readonly Gen<string> Number = Gen.OneOf("0", "1", "1.5", "-45.25", "+3", ".5", "2.", "1e3", "-0.0001E-2", "48.8566");

    private static readonly Gen<FilterExpression> Comparison =
        Gen.Select(Text, Gen.Enum<ComparisonOperator>(), Text, (a, o, v) => (FilterExpression)new ComparisonFilter(a, o, v));

    private static readonly Gen<FilterExpression> Range =
        Gen.Select(Text, Text, Text, (a, f, t) => (FilterExpression)new RangeFilter(a, f, t));

    private static readonly Gen<FilterExpression> In =
        Gen.Select(Text, Text.Array[0, 4], (a, v) => (FilterExpression)new InFilter(a, v));

    private static readonly Gen<FilterExpression> Presence =
        Gen.Select(Text, Gen.Enum<PresenceOperator>(), (a, o) => (FilterExpression)new PresenceFilter(a, o));

    private static readonly Gen<FilterExpression> TextMatch =
        Gen.Select(Text, Gen.Enum<TextMatchOperator>(), Text, (a, o, v) => (FilterExpression)new TextMatchFilter(a, o, v));

    private static readonly Gen<FilterExpression> Geo = Gen.Frequency(
        (2, Number.Array[3, 4].Select(n => (FilterExpression)new GeoFilter(GeoOperator.Radius, n))),
        (1, Number.Array[4].Select(n => (FilterExpression)new GeoFilter(GeoOperator.BoundingBox, n))),
        (1, Gen.Int[3, 5].SelectMany(points => Number.Array[points * 2])
            .Select(n => (FilterExpression)new GeoFilter(GeoOperator.Polygon, n))));

    /// <summary>Any single condition.</summary>
    public static readonly Gen<FilterExpression> Leaf = Gen.Frequency(
        (4, Comparison), (2, Range), (2, In), (2, Presence), (2, TextMatch), (1, Geo));

    /// <summary>A whole tree at most four levels of And/Or/Not deep.</summary>
    public static readonly Gen<FilterExpression> Expression = Tree(4);

    private static Gen<FilterExpression> Tree(int depth) => depth == 0
        ? Leaf
        : Gen.Frequency((3, Leaf), (1, Not(depth)), (2, And(depth)), (2, Or(depth)));

    private static Gen<FilterExpression> Not(int depth) =>
        Gen.Frequency((3, Leaf), (1, depth > 1 ? And(depth - 1) : Leaf), (1, depth > 1 ? Or(depth - 1) : Leaf))
            .Select(o => (FilterExpression)new NotFilter(o));

    private static Gen<FilterExpression> And(int depth) =>
        Gen.Frequency((3, Leaf), (1, Not(depth)), (1, depth > 1 ? Or(depth - 1) : Leaf))
            .Array[2, 4].Select(o => (FilterExpression)new AndFilter(o));

    private static Gen<FilterExpression> Or(int depth) =>
        Gen.Frequency((3, Leaf), (1, Not(depth)), (1, depth > 1 ? And(depth - 1) : Leaf))
            .Array[2, 4].Select(o => (FilterExpression)new OrFilter(o));

    /// <summary>Runs <paramref name="assert"/> on <paramref name="count"/> trees drawn from a fixed seed, so every
    /// run sees the same cases; a failure names the case number and the printed tree.</summary>
    public static void ForEach<T>(Gen<T> gen, int count, Action<T> assert, Func<T, string> describe)
    {
        var pcg = new PCG(7, 20260101);
        for (var i = 0; i < count; i++)
        {
            var value = gen.Generate(pcg, null, out _);
            try
            {
                assert(value);
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"Case {i} failed for {describe(value)}: {e.Message}");
            }
        }
    }
}
