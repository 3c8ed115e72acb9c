using System.Text.Json.Nodes;
using Platform.Search.Embedded;
using Platform.Search.Engine;

namespace Platform.Api.Tests.Search;

/// <summary>
/// The real embedded engine in a temporary folder with two indexes, each holding documents of tenants <c>a</c> and
/// <c>b</c>. Tenant <c>b</c>'s titles all contain <c>secret</c>, so a leak is easy to spot.
/// </summary>
public sealed class MultiSearchEngineFixture : IAsyncLifetime
{
    public static readonly TenantScope TenantA = new("a");
    public static readonly TenantScope TenantB = new("b");

    private readonly string _root = Path.Combine(Path.GetTempPath(), "platform-api-search-tests", Guid.NewGuid().ToString("N"));

    public LuceneSearchEngine Engine { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Engine = new LuceneSearchEngine(new EmbeddedEngineOptions { DataRoot = _root });
        var settings = new IndexSettings { FilterableAttributes = ["genre", "year"], SortableAttributes = ["year"] };
        foreach (var index in new[] { "books", "films" })
        {
            await Engine.CreateIndexAsync(index, "id");
            await Engine.UpdateSettingsAsync(index, settings);
        }

        await Add(TenantA, "books",
            Doc(1, "Dune", "sf", 1965),
            Doc(2, "Dune Messiah", "sf", 1969),
            Doc(3, "Emma", "novel", 1815),
            Doc(4, "Children of Dune and other desert tales", "sf", 1976));
        await Add(TenantB, "books",
            Doc(1, "Dune secret edition", "sf", 2000),
            Doc(9, "Dune secret notes", "essay", 2001));
        await Add(TenantA, "films",
            Doc(1, "Dune", "sf", 1984),
            Doc(2, "Dune Part Two", "sf", 2024),
            Doc(3, "Sense and Sensibility", "drama", 1995));
        await Add(TenantB, "films",
            Doc(5, "Dune secret cut", "sf", 2030));
    }

    public async Task DisposeAsync()
    {
        await Engine.DisposeAsync();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static JsonObject Doc(int id, string title, string genre, int year) =>
        new() { ["id"] = id, ["title"] = title, ["genre"] = genre, ["year"] = year };

    private Task Add(TenantScope tenant, string index, params JsonObject[] documents) =>
        Engine.AddDocumentsAsync(tenant, index, documents, DocumentWriteMode.AddOrReplace);
}
