using System.Globalization;
using System.Text.Json.Nodes;
using Platform.Search.Engine;
using Platform.Search.Filters;

namespace Platform.Search.Embedded.Tests;

/// <summary>
/// Filters past Lucene's 1,024-clause limit (2,000-value <c>IN</c>, OR and AND chains) work on every filtered route:
/// search, facet search, document fetch and delete by filter, and each stays inside the calling tenant.
/// </summary>
public sealed class LargeFilterTests : IDisposable
{
    private const string Index = "items";
    private const int Clauses = 2000;
    private static readonly TenantScope Acme = new("acme");
    private static readonly TenantScope Globex = new("globex");
    private readonly string _root = Path.Combine(Path.GetTempPath(), "platform-search-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    public static TheoryData<string> Filters => new()
    {
        "n IN [" + string.Join(", ", Enumerable.Range(0, Clauses).Select(Text)) + "]",
        string.Join(" OR ", Enumerable.Range(0, Clauses).Select(i => "n = " + Text(i))),
        string.Join(" AND ", Enumerable.Range(0, Clauses).Select(i => "n != " + Text(i + 10_000))),
    };

    private static string Text(int i) => i.ToString(CultureInfo.InvariantCulture);

    /// <summary>Both tenants store ids 1–3 with n 1–3; each filter matches all three.</summary>
    private async Task<LuceneSearchEngine> OpenAsync()
    {
        var engine = new LuceneSearchEngine(new EmbeddedEngineOptions { DataRoot = _root });
        await engine.CreateIndexAsync(Index, "id");
        await engine.UpdateSettingsAsync(Index, new IndexSettings { FilterableAttributes = ["n", "owner"] });
        foreach (var (tenant, owner) in new[] { (Acme, "acme"), (Globex, "globex") })
        {
            var documents = Enumerable.Range(1, 3).Select(i => new JsonObject { ["id"] = i, ["n"] = i, ["owner"] = owner }).ToList();
            await engine.AddDocumentsAsync(tenant, Index, documents, DocumentWriteMode.AddOrReplace);
        }

        return engine;
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task A_2000_clause_filter_works_on_every_route_within_the_tenant(string text)
    {
        var filter = FilterParser.Parse(text)!;
        await using var engine = await OpenAsync();

        var hits = (await engine.SearchAsync(Acme, Index, new SearchRequest { Filter = filter })).Hits;
        Assert.Equal(3, hits.Count);
        Assert.All(hits, h => Assert.Equal("acme", h["owner"]!.GetValue<string>()));

        var facets = await engine.FacetSearchAsync(Globex, Index, new FacetSearchRequest { FacetName = "owner", Filter = filter });
        Assert.Equal([new FacetHit("globex", 3)], facets.FacetHits);

        var page = await engine.GetDocumentsAsync(Acme, Index, new DocumentsQuery { Filter = filter });
        Assert.Equal(3, page.Total);
        Assert.All(page.Results, d => Assert.Equal("acme", d["owner"]!.GetValue<string>()));

        await engine.DeleteDocumentsByFilterAsync(Acme, Index, filter);
        Assert.Equal(0, (await engine.GetDocumentsAsync(Acme, Index, new DocumentsQuery())).Total);
        Assert.Equal(3, (await engine.GetDocumentsAsync(Globex, Index, new DocumentsQuery())).Total);
    }
}
