using BenchmarkDotNet.Attributes;
using Platform.Search.Filters;

namespace Platform.Benchmarks.Micro;

/// <summary>Filter parsing: a typical storefront filter and a 50-value <c>IN</c> (a permission-style list).</summary>
[MemoryDiagnoser]
public class FilterBenchmarks
{
    private const string Typical = "category = kitchen AND price >= 20 AND price < 100 AND (color = red OR color = blue) AND inStock = true";

    private static readonly string FiftyIn =
        "brand IN [" + string.Join(", ", Enumerable.Range(1, 50).Select(i => $"brand-{i:D3}")) + "]";

    [Benchmark(Description = "parse typical filter (5 conditions)")]
    public FilterExpression? ParseTypical() => FilterParser.Parse(Typical);

    [Benchmark(Description = "parse 50-term IN")]
    public FilterExpression? ParseFiftyIn() => FilterParser.Parse(FiftyIn);
}
