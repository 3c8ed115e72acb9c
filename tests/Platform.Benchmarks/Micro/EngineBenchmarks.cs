using BenchmarkDotNet.Attributes;
using Platform.Benchmarks.Load;
using Platform.Search.Embedded;
using Platform.Search.Engine;

namespace Platform.Benchmarks.Micro;

/// <summary>
/// The embedded engine alone on a 10,000-document index shared by 10 tenants (1,000 each, as in the load harness):
/// a selective word query and a placeholder query with three facets, both in one tenant's scope.
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private const string Index = "products";
    private const int Tenants = 10;
    private const int DocumentsPerTenant = 1000;

    private static readonly TenantScope Scope = new("tenant-0003");
    private static readonly SearchRequest Word = new() { Q = "kettle" };
    private static readonly SearchRequest PlaceholderWithFacets = new() { Facets = ["brand", "category", "color"] };

    private string _root = "";
    private LuceneSearchEngine _engine = null!;

    [GlobalSetup]
    public void Setup()
    {
        _root = Path.Combine(Path.GetTempPath(), "platform-bench-" + Guid.NewGuid().ToString("N")[..8]);
        _engine = new LuceneSearchEngine(new EmbeddedEngineOptions { DataRoot = _root });
        _engine.CreateIndexAsync(Index, "id").GetAwaiter().GetResult();
        _engine.UpdateSettingsAsync(Index, new IndexSettings
        {
            PrimaryKey = "id",
            FilterableAttributes = ["brand", "category", "color", "price", "inStock", "rating"],
            SortableAttributes = ["price", "rating"],
        }).GetAwaiter().GetResult();
        for (var t = 0; t < Tenants; t++)
        {
            var rng = new Random(1000 + t);
            var documents = Enumerable.Range(1, DocumentsPerTenant).Select(n => ProductCatalog.Product(rng, n)).ToList();
            _engine.AddDocumentsAsync(new TenantScope($"tenant-{t:D4}"), Index, documents, DocumentWriteMode.AddOrReplace)
                .GetAwaiter().GetResult();
        }

        var hits = _engine.SearchAsync(Scope, Index, Word).GetAwaiter().GetResult().EstimatedTotalHits;
        if (hits is not > 0)
        {
            throw new InvalidOperationException("The word query finds nothing.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _engine.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    [Benchmark(Description = "engine: selective word, tenant scope")]
    public Task<SearchResponse> SelectiveWord() => _engine.SearchAsync(Scope, Index, Word);

    [Benchmark(Description = "engine: placeholder + 3 facets, tenant scope")]
    public Task<SearchResponse> PlaceholderFacets() => _engine.SearchAsync(Scope, Index, PlaceholderWithFacets);
}
