using System.Net;
using Platform.Silo.Hosting;
using Platform.Silo.Tests.Infrastructure;

namespace Platform.Silo.Tests.Hosting;

/// <summary>
/// The embedded engine keeps indexes in <c>{DataPath}/indexes/{uid}</c>; a data folder from earlier versions
/// (<c>{DataPath}/indexes/indexes/{uid}</c>) is moved up one level at start-up and keeps serving its documents.
/// </summary>
public sealed class EmbeddedDataLayoutTests
{
    [Fact]
    public async Task A_data_folder_in_the_old_nested_layout_still_serves_its_documents()
    {
        using var data = new TestData();
        string[] args = [$"--Platform:DataPath={data.Path}", .. RestartDurabilityTests.SiloPorts()];
        var indexes = Path.Combine(data.Path, "indexes");
        string masterKey, keyValue;

        await using (var first = PlatformProcess.Start(args))
        {
            await first.WaitHealthyAsync();
            masterKey = (await File.ReadAllTextAsync(Path.Combine(data.Path, "master-key"))).Trim();
            using var client = new PlatformClient(first.Address, masterKey);
            await client.CreateTenantAsync("layout-tenant", rules: new[] { "products" });
            keyValue = (await client.CreateKeyAsync("layout-tenant", ["search", "documents.*"], ["products"]))["key"]!.GetValue<string>();
            (await client.PostAsync("/indexes", new { uid = "products", primaryKey = "id" })).ShouldBe(HttpStatusCode.Accepted);
            var documents = Enumerable.Range(0, 10).Select(i => new { id = i, title = $"item {i}" });
            (await client.PostAsync("/indexes/products/documents", documents, keyValue)).ShouldBe(HttpStatusCode.Accepted);
            await first.KillAsync();
        }

        Assert.True(File.Exists(Path.Combine(indexes, "products", "settings.json")));

        // Arrange the folder as earlier versions left it.
        var aside = Path.Combine(data.Path, "indexes-aside");
        Directory.Move(indexes, aside);
        Directory.CreateDirectory(indexes);
        Directory.Move(aside, Path.Combine(indexes, "indexes"));

        await using var second = PlatformProcess.Start(args);
        await second.WaitHealthyAsync();
        using var again = new PlatformClient(second.Address, masterKey);
        var stored = (await again.PostAsync("/indexes/products/documents/fetch", new { limit = 100 }, keyValue))
            .ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Equal(10, stored["total"]!.GetValue<int>());
        Assert.Equal("item 7", (await again.GetAsync("/indexes/products/documents/7", keyValue)).ShouldBe(HttpStatusCode.OK).Json!["title"]!.GetValue<string>());
        Assert.True(File.Exists(Path.Combine(indexes, "products", "settings.json")));
        Assert.False(Directory.Exists(Path.Combine(indexes, "indexes")));
    }

    [Fact]
    public void An_index_called_indexes_is_moved_up_too_and_then_left_in_place()
    {
        using var data = new TestData();
        var indexes = Path.Combine(data.Path, "indexes");
        WriteIndex(Path.Combine(indexes, "indexes", "indexes"));
        WriteIndex(Path.Combine(indexes, "indexes", "books"));

        EmbeddedDataLayout.MoveNestedIndexesUp(data.Path);
        EmbeddedDataLayout.MoveNestedIndexesUp(data.Path);

        Assert.True(File.Exists(Path.Combine(indexes, "indexes", "settings.json")));
        Assert.True(File.Exists(Path.Combine(indexes, "books", "settings.json")));
        Assert.Equal(2, Directory.GetFileSystemEntries(indexes).Length);
    }

    [Fact]
    public void A_move_cut_short_resumes_on_the_next_start()
    {
        using var data = new TestData();
        var indexes = Path.Combine(data.Path, "indexes");
        WriteIndex(Path.Combine(indexes, "books"));
        WriteIndex(Path.Combine(indexes, EmbeddedDataLayout.StagingFolder, "movies"));

        EmbeddedDataLayout.MoveNestedIndexesUp(data.Path);

        Assert.True(File.Exists(Path.Combine(indexes, "books", "settings.json")));
        Assert.True(File.Exists(Path.Combine(indexes, "movies", "settings.json")));
        Assert.False(Directory.Exists(Path.Combine(indexes, EmbeddedDataLayout.StagingFolder)));
    }

    private static void WriteIndex(string folder)
    {
        Directory.CreateDirectory(Path.Combine(folder, "lucene"));
        File.WriteAllText(Path.Combine(folder, "settings.json"), "{}");
    }
}
