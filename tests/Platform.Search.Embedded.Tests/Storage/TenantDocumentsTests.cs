using System.Text.Json.Nodes;
using Platform.Search.Engine;
using Platform.Search.Errors;

namespace Platform.Search.Embedded.Tests.Storage;

/// <summary>Batches on the shared writer are all or nothing, whatever the other tenants of the index write.</summary>
public sealed class TenantDocumentsTests : IAsyncDisposable
{
    private static readonly TenantScope Acme = new("acme");
    private static readonly TenantScope Globex = new("globex");
    private readonly string _root = Path.Combine(Path.GetTempPath(), "platform-search-tests", Guid.NewGuid().ToString("N"));
    private readonly LuceneSearchEngine _engine;

    public TenantDocumentsTests() => _engine = new(new EmbeddedEngineOptions { DataRoot = _root });

    public async ValueTask DisposeAsync()
    {
        await _engine.DisposeAsync();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task A_batch_with_an_unindexable_document_writes_nothing_not_even_the_primary_key()
    {
        await _engine.CreateIndexAsync("books");
        var batch = new List<JsonObject>
        {
            new() { ["isbn"] = "b-1" },
            new() { ["isbn"] = "b-2" },
            new() { ["isbn"] = "b-3", [new string('n', LuceneTermLimitBytes + 1)] = 1 },
        };

        var error = await Assert.ThrowsAsync<SearchEngineException>(() => _engine.AddDocumentsAsync(Acme, "books", batch, DocumentWriteMode.AddOrReplace, primaryKey: "isbn"));
        Assert.Equal(ErrorCodes.InvalidDocumentValue, error.Code);
        Assert.Null((await _engine.GetIndexAsync("books")).PrimaryKey);

        await _engine.AddDocumentsAsync(Globex, "books", [new JsonObject { ["isbn"] = "g-1" }], DocumentWriteMode.AddOrReplace, primaryKey: "isbn");
        Assert.Equal(0, (await _engine.GetDocumentsAsync(Acme, "books", new DocumentsQuery())).Total);
        Assert.Equal(1, (await _engine.GetDocumentsAsync(Globex, "books", new DocumentsQuery())).Total);
    }

    /// <summary>Lucene's <c>IndexWriter.MAX_TERM_LENGTH</c>.</summary>
    private const int LuceneTermLimitBytes = 32_766;
}
