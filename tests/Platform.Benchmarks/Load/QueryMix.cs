using System.Text;
using System.Text.Json;
using Platform.Search.Engine;
using Platform.Search.Filters;

namespace Platform.Benchmarks.Load;

/// <summary>One search of the mix, in both shapes: the HTTP body a client sends and the request the engine receives.</summary>
public sealed record LoadQuery(string Kind, byte[] HttpBody, SearchRequest EngineRequest);

/// <summary>
/// The query mix, identical for every path: a selective word query, a filtered and sorted word query, and a
/// placeholder query with three facets. Word and filter values rotate so caches see realistic variety.
/// </summary>
public static class QueryMix
{
    public const string Word = "word";
    public const string Filtered = "filtered";
    public const string Facets = "facets";

    public static IReadOnlyList<string> Kinds { get; } = [Word, Filtered, Facets];

    public static LoadQuery Create(Random rng)
    {
        switch (rng.Next(3))
        {
            case 0:
            {
                var noun = ProductCatalog.AllNouns[rng.Next(ProductCatalog.AllNouns.Count)];
                return Build(Word, new Dictionary<string, object?> { ["q"] = noun }, new SearchRequest { Q = noun });
            }

            case 1:
            {
                var adjective = ProductCatalog.Adjectives[rng.Next(ProductCatalog.Adjectives.Length)];
                var category = ProductCatalog.Categories[rng.Next(ProductCatalog.Categories.Length)];
                var low = 10 * rng.Next(1, 5);
                var filter = $"category = {category} AND price >= {low} AND price < {low + 80} AND inStock = true";
                string[] sort = ["price:asc"];
                return Build(Filtered,
                    new Dictionary<string, object?> { ["q"] = adjective, ["filter"] = filter, ["sort"] = sort },
                    new SearchRequest { Q = adjective, Filter = FilterParser.Parse(filter), Sort = sort });
            }

            default:
            {
                string[] facets = ["brand", "category", "color"];
                return Build(Facets,
                    new Dictionary<string, object?> { ["facets"] = facets },
                    new SearchRequest { Facets = facets });
            }
        }
    }

    private static LoadQuery Build(string kind, Dictionary<string, object?> body, SearchRequest request) =>
        new(kind, Encoding.UTF8.GetBytes(JsonSerializer.Serialize(body)), request);
}
