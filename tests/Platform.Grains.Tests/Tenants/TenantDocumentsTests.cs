using System.Text.Json.Nodes;
using Orleans.Concurrency;
using Platform.Grains.Errors;
using Platform.Grains.Indexes;
using Platform.Grains.Tasks;
using Platform.Grains.Tenants;
using Platform.Search.Engine;
using Platform.Search.Filters;

namespace Platform.Grains.Tests.Tenants;

/// <summary>Documents and search through tenant grains on two silos: what crosses a grain call arrives intact.</summary>
[Collection(ClusterCollection.Name)]
public sealed class TenantDocumentsTests(ClusterFixture fixture)
{
    private async Task<string> NewIndex()
    {
        var uid = "idx_" + Guid.NewGuid().ToString("N")[..8];
        var index = fixture.Grains.GetGrain<IIndexGrain>(uid);
        await index.Create(null);
        await index.UpdateSettings(new IndexSettingsChange(SetFilterableAttributes: true, FilterableAttributes: ["color"]), detailsJson: null);
        return uid;
    }

    private async Task<ITenantGrain> NewTenant(string? rulesJson = null)
    {
        var tenant = fixture.Grains.GetGrain<ITenantGrain>("t-" + Guid.NewGuid().ToString("N")[..12]);
        await tenant.Create(new TenantChanges(RulesJson: rulesJson));
        return tenant;
    }

    private static JsonObject Doc(int id, string color, string title) => new() { ["id"] = id, ["color"] = color, ["title"] = title };

    [Fact]
    public async Task Same_ids_in_one_index_stay_apart()
    {
        var index = await NewIndex();
        var alice = await NewTenant();
        var bob = await NewTenant();
        var a = await alice.AddDocuments(index, [Doc(1, "red", "alice red"), Doc(2, "blue", "alice blue")], DocumentWriteMode.AddOrReplace, null);
        var b = await bob.AddDocuments(index, [Doc(1, "red", "bob red")], DocumentWriteMode.AddOrReplace, null);
        Assert.Equal(PlatformTaskStatus.Succeeded, a.Status);
        Assert.Equal(PlatformTaskStatus.Succeeded, b.Status);

        var aliceHits = (await alice.Search(index, new SearchRequest { Filter = FilterParser.Parse("color = red OR color = blue") }.AsImmutable())).Value;
        Assert.Equal(2, aliceHits.EstimatedTotalHits);
        Assert.All(aliceHits.Hits, hit => Assert.StartsWith("alice", hit["title"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.All(aliceHits.Hits, hit => Assert.False(hit.ContainsKey("_tenant")));

        Assert.Equal("bob red", (await bob.GetDocument(index, "1", null))["title"]!.GetValue<string>());
        var deleted = await bob.DeleteDocuments(index, ["1", "2"]);
        Assert.Equal(PlatformTaskStatus.Succeeded, deleted.Status);
        Assert.Equal(2, (await alice.GetDocuments(index, new DocumentsQuery())).Total);
        Assert.Equal(0, (await bob.GetDocuments(index, new DocumentsQuery())).Total);

        // The primary key the engine inferred reached the catalog.
        Assert.Equal("id", (await fixture.Grains.GetGrain<IIndexGrain>(index).Get())!.PrimaryKey);
        Assert.Equal([b.Uid], (await bob.ListTaskUids()).Skip(1));
    }

    [Fact]
    public async Task Tenant_rules_restrict_indexes_and_add_their_filter()
    {
        var index = await NewIndex();
        var other = await NewIndex();
        var tenant = await NewTenant($$$"""{"{{{index}}}":{"filter":"color = red"}}""");
        await tenant.AddDocuments(index, [Doc(1, "red", "r"), Doc(2, "blue", "b")], DocumentWriteMode.AddOrReplace, null);

        var hits = (await tenant.Search(index, new SearchRequest { Filter = FilterParser.Parse("color = blue OR color = red") }.AsImmutable())).Value;
        Assert.Equal(["r"], hits.Hits.Select(h => h["title"]!.GetValue<string>()));
        Assert.Equal(1, (await tenant.GetDocuments(index, new DocumentsQuery())).Total);

        var refused = await Assert.ThrowsAsync<PlatformException>(() => tenant.Search(other, new SearchRequest().AsImmutable()));
        Assert.Equal("invalid_api_key", refused.Code);
        await Assert.ThrowsAsync<PlatformException>(() => tenant.AddDocuments(other, [Doc(3, "red", "x")], DocumentWriteMode.AddOrReplace, null));
    }

    [Fact]
    public async Task Bad_documents_fail_the_task_and_store_nothing()
    {
        var index = await NewIndex();
        var tenant = await NewTenant();
        var task = await tenant.AddDocuments(index, [new JsonObject { ["id"] = "not valid!", ["color"] = "red" }], DocumentWriteMode.AddOrReplace, null);
        Assert.Equal(PlatformTaskStatus.Failed, task.Status);
        Assert.Equal("invalid_document_id", task.Error!.Code);
        Assert.Equal(0, (await tenant.GetDocuments(index, new DocumentsQuery())).Total);

        var missing = await tenant.AddDocuments("no_such_index", [Doc(1, "red", "x")], DocumentWriteMode.AddOrReplace, null);
        Assert.Equal("index_not_found", missing.Error!.Code);
    }

    [Fact]
    public async Task Suspended_tenants_cannot_search_or_write_and_deletion_removes_documents()
    {
        var index = await NewIndex();
        var tenant = await NewTenant();
        await tenant.AddDocuments(index, [Doc(1, "red", "x")], DocumentWriteMode.AddOrReplace, null);
        await tenant.Update(new TenantChanges(Status: TenantStatus.Suspended));
        Assert.Equal("tenant_suspended", (await Assert.ThrowsAsync<PlatformException>(() => tenant.Search(index, new SearchRequest().AsImmutable()))).Code);
        await tenant.Update(new TenantChanges(Status: TenantStatus.Active));

        var uid = tenant.GetPrimaryKeyString();
        Assert.True(await tenant.Delete());
        await tenant.Create(new TenantChanges());
        Assert.Equal(0, (await tenant.GetDocuments(index, new DocumentsQuery())).Total);
        Assert.Equal(uid, tenant.GetPrimaryKeyString());
    }
}
