using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Platform.Search.Rules;

namespace Platform.Benchmarks.Micro;

/// <summary>
/// <see cref="SearchRules.TryGetFilter"/> on a 20-pattern map: an exact entry, a prefix pattern (longest match
/// wins, so prefixes are scanned) and the <c>*</c> fallback after every prefix missed.
/// </summary>
[MemoryDiagnoser]
public class RulesBenchmarks
{
    private SearchRules _rules = null!;

    [GlobalSetup]
    public void Setup()
    {
        // 8 exact names, 11 prefixes, and "*": 20 patterns, each with a filter.
        var patterns = new List<string>();
        patterns.AddRange(Enumerable.Range(1, 8).Select(i => $"catalog_{i}"));
        patterns.AddRange(["a*", "b*", "c*", "ca*", "cat*", "catalog*", "catalog_eu*", "orders*", "order*", "logs_2024*", "logs*"]);
        patterns.Add("*");
        var json = new StringBuilder("{");
        json.AppendJoin(',', patterns.Select((p, i) => $"{JsonSerializer.Serialize(p)}:{{\"filter\":\"tier = {i}\"}}"));
        json.Append('}');
        _rules = SearchRules.Parse(json.ToString());
        if (_rules.Patterns.Count != 20)
        {
            throw new InvalidOperationException($"{_rules.Patterns.Count} patterns, 20 expected.");
        }
    }

    [Benchmark(Description = "TryGetFilter, exact entry")]
    public JsonElement? Exact() => _rules.TryGetFilter("catalog_3", out var filter) ? filter : null;

    [Benchmark(Description = "TryGetFilter, longest prefix")]
    public JsonElement? Prefix() => _rules.TryGetFilter("catalog_eu_west", out var filter) ? filter : null;

    [Benchmark(Description = "TryGetFilter, * fallback")]
    public JsonElement? Fallback() => _rules.TryGetFilter("zebra", out var filter) ? filter : null;
}
