using System.Text.Json.Nodes;
using Platform.Search.Engine;
using Platform.Search.Tests.Conformance;

namespace Platform.Search.Embedded.Tests;

/// <summary>Runs the engine-neutral suites against the embedded Lucene engine in a temporary folder.</summary>
public sealed class EmbeddedEngineFixture : SearchEngineFixture
{
    public string DataRoot { get; } = Path.Combine(Path.GetTempPath(), "platform-search-tests", Guid.NewGuid().ToString("N"));

    protected override Task<ISearchEngine> CreateEngineAsync() =>
        Task.FromResult<ISearchEngine>(new LuceneSearchEngine(new EmbeddedEngineOptions { DataRoot = DataRoot }));

    protected override Task CleanupAsync()
    {
        if (Directory.Exists(DataRoot))
        {
            Directory.Delete(DataRoot, recursive: true);
        }

        return Task.CompletedTask;
    }
}

public sealed class EmbeddedSearchConformanceTests(EmbeddedEngineFixture fixture)
    : SearchEngineConformanceTests(fixture), IClassFixture<EmbeddedEngineFixture>;

public sealed class EmbeddedTenantIsolationTests(EmbeddedEngineFixture fixture)
    : TenantIsolationConformanceTests(fixture), IClassFixture<EmbeddedEngineFixture>;

/// <summary>Embedded-only behaviour: durability across restarts and readers running during writes.</summary>
public sealed class EmbeddedEnginePersistenceTests : IDisposable
{
    private static readonly TenantScope Acme = new("acme");
    private static readonly TenantScope Globex = new("globex");
    private readonly string _root = Path.Combine(Path.GetTempPath(), "platform-search-tests", Guid.NewGuid().ToString("N"));

    private LuceneSearchEngine Open() => new(new EmbeddedEngineOptions { DataRoot = _root });

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task Documents_and_settings_survive_a_restart()
    {
        await using (var engine = Open())
        {
            await engine.CreateIndexAsync("books", "isbn");
            await engine.UpdateSettingsAsync("books", new IndexSettings { FilterableAttributes = ["genre"], SortableAttributes = ["year"] });
            await engine.AddDocumentsAsync(Acme, "books", [new JsonObject { ["isbn"] = "b-1", ["title"] = "Dune", ["genre"] = "sf", ["year"] = 1965 }], DocumentWriteMode.AddOrReplace);
            await engine.AddDocumentsAsync(Globex, "books", [new JsonObject { ["isbn"] = "b-1", ["title"] = "Emma", ["genre"] = "novel", ["year"] = 1815 }], DocumentWriteMode.AddOrReplace);
        }

        await using (var engine = Open())
        {
            var settings = await engine.GetSettingsAsync("books");
            Assert.Equal("isbn", settings.PrimaryKey);
            Assert.Equal(["genre"], settings.FilterableAttributes);
            var hits = await engine.SearchAsync(Acme, "books", new SearchRequest { Q = "dune", Filter = F.Eq("genre", "SF"), Sort = ["year:asc"] });
            Assert.Equal("Dune", hits.Hits.Single()["title"]!.GetValue<string>());
            Assert.Equal("Emma", (await engine.GetDocumentAsync(Globex, "books", "b-1"))["title"]!.GetValue<string>());
            await engine.AddDocumentsAsync(Acme, "books", [new JsonObject { ["isbn"] = "b-2", ["title"] = "Solaris" }], DocumentWriteMode.AddOrReplace);
            Assert.Equal(2, (await engine.GetDocumentsAsync(Acme, "books", new DocumentsQuery())).Total);
        }
    }

    [Fact]
    public async Task Searches_run_while_batches_are_written()
    {
        await using var engine = Open();
        await engine.AddDocumentsAsync(Acme, "live", [new JsonObject { ["id"] = 0, ["title"] = "seed" }], DocumentWriteMode.AddOrReplace);
        using var done = new CancellationTokenSource();
        var reader = Task.Run(async () =>
        {
            var last = 0;
            while (!done.IsCancellationRequested)
            {
                var count = (await engine.SearchAsync(Acme, "live", new SearchRequest { HitsPerPage = 0 })).TotalHits!.Value;
                Assert.True(count >= last, "a reader saw documents disappear");
                Assert.Equal(0, (count - 1) % 10);
                last = count;
            }
        });
        for (var batch = 0; batch < 20; batch++)
        {
            var docs = Enumerable.Range(1, 10).Select(i => new JsonObject { ["id"] = batch * 10 + i, ["title"] = "doc" }).ToList();
            await engine.AddDocumentsAsync(Acme, "live", docs, DocumentWriteMode.AddOrReplace);
        }

        await done.CancelAsync();
        await reader;
        Assert.Equal(201, (await engine.SearchAsync(Acme, "live", new SearchRequest { HitsPerPage = 0 })).TotalHits);
    }
}

public sealed class TenantScopeTests
{
    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("a\u001fb")]
    [InlineData("a\nb")]
    public void Invalid_tenant_uids_are_refused(string uid) =>
        Assert.Throws<ArgumentException>(() => new TenantScope(uid));

    [Fact]
    public async Task Default_scope_is_refused_by_the_engine()
    {
        var root = Path.Combine(Path.GetTempPath(), "platform-search-tests", Guid.NewGuid().ToString("N"));
        try
        {
            await using var engine = new LuceneSearchEngine(new EmbeddedEngineOptions { DataRoot = root });
            await Assert.ThrowsAsync<ArgumentException>(() => engine.SearchAsync(default, "x", new SearchRequest()));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}

public sealed class EmbeddedEngineOptionsTests
{
    [Fact]
    public void Validation_collects_every_error_and_names_the_key()
    {
        var errors = new EmbeddedEngineOptionsValidator().Validate(null, new EmbeddedEngineOptions { DataRoot = " ", MaxTotalHits = 0, MaxValuesPerFacet = -1 }).Failures!.ToList();
        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("Platform:Search:Embedded:DataRoot", StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => new LuceneSearchEngine(new EmbeddedEngineOptions()));
    }
}
