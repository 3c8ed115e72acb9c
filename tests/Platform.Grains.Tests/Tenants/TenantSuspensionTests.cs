using System.Text.Json.Nodes;
using Platform.Grains.Errors;
using Platform.Grains.Indexes;
using Platform.Grains.Tenants;
using Platform.Search.Engine;

namespace Platform.Grains.Tests.Tenants;

/// <summary>
/// The tenant grain refuses a suspended tenant's document reads itself, whoever calls it, like its searches and
/// writes; a tenant sharing the index with the same document ids is unaffected, and resuming restores the reads.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class TenantSuspensionTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_suspended_tenants_document_reads_are_refused_and_its_neighbours_are_not()
    {
        var index = "idx_" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Grains.GetGrain<IIndexGrain>(index).Create(null);
        var a = await NewTenant();
        var b = await NewTenant();
        foreach (var tenant in new[] { a, b })
        {
            await tenant.AddDocuments(index, [new JsonObject { ["id"] = 1, ["owner"] = tenant.GetPrimaryKeyString() }], DocumentWriteMode.AddOrReplace, null);
        }

        await a.Update(new TenantChanges(Status: TenantStatus.Suspended));
        Assert.Equal("tenant_suspended", (await Assert.ThrowsAsync<PlatformException>(() => a.GetDocument(index, "1", null))).Code);
        Assert.Equal("tenant_suspended", (await Assert.ThrowsAsync<PlatformException>(() => a.GetDocuments(index, new DocumentsQuery()))).Code);
        Assert.Equal(b.GetPrimaryKeyString(), (await b.GetDocument(index, "1", null))["owner"]!.GetValue<string>());
        Assert.Equal(1, (await b.GetDocuments(index, new DocumentsQuery())).Total);

        await a.Update(new TenantChanges(Status: TenantStatus.Active));
        Assert.Equal(a.GetPrimaryKeyString(), (await a.GetDocument(index, "1", null))["owner"]!.GetValue<string>());
        Assert.Equal(1, (await a.GetDocuments(index, new DocumentsQuery())).Total);
    }

    private async Task<ITenantGrain> NewTenant()
    {
        var tenant = fixture.Grains.GetGrain<ITenantGrain>("t-" + Guid.NewGuid().ToString("N")[..12]);
        await tenant.Create(new TenantChanges());
        return tenant;
    }
}
