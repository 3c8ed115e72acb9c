using System.Text.Json.Nodes;
using Platform.Grains.Errors;
using Platform.Grains.Indexes;
using Platform.Grains.Keys;
using Platform.Grains.Tasks;
using Platform.Grains.Tenants;
using Platform.Search.Engine;
using Platform.Search.Errors;

namespace Platform.Grains.Tests.Isolation;

/// <summary>
/// Uids that outlive what they named: a deleted key's uid never names a key again (its value would be the old key's),
/// and a tenant re-created under a deleted tenant's uid inherits none of its keys or tasks.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class UidReuseTests(ClusterFixture fixture)
{
    private static ApiKeyDefinition Key(Guid uid) => new(uid, "k", null, ["*"], ["*"], null);

    private async Task<ITenantGrain> NewTenant(string? uid = null)
    {
        var tenant = fixture.Grains.GetGrain<ITenantGrain>(uid ?? "t-" + Guid.NewGuid().ToString("N")[..12]);
        await tenant.Create(new TenantChanges());
        return tenant;
    }

    [Fact]
    public async Task A_deleted_key_uid_is_never_reused_by_any_tenant()
    {
        var alice = await NewTenant();
        var bob = await NewTenant();
        var uid = Guid.NewGuid();
        await alice.CreateKey(Key(uid));
        Assert.True(await alice.DeleteKey(uid));

        // Bob (and Alice herself) asking for the same uid would get the deleted key's value, so both are refused.
        foreach (var tenant in new[] { bob, alice })
        {
            var error = await Assert.ThrowsAsync<PlatformException>(() => tenant.CreateKey(Key(uid)));
            Assert.Equal(ErrorCodes.ApiKeyAlreadyExists, error.Code);
        }

        Assert.Null(await fixture.Grains.GetGrain<IApiKeyGrain>(uid).Get());
        Assert.Null(await fixture.Grains.GetGrain<IApiKeyLookupGrain>(fixture.Secrets.FingerprintOf(uid)).Resolve());
        Assert.Empty(await bob.ListKeys());
        Assert.Empty(await alice.ListKeys());
    }

    [Fact]
    public async Task Keys_of_a_deleted_tenant_are_tombstones_for_the_re_created_tenant()
    {
        var uid = "t-" + Guid.NewGuid().ToString("N")[..12];
        var first = await NewTenant(uid);
        var keyUid = Guid.NewGuid();
        await first.CreateKey(Key(keyUid));
        Assert.True(await first.Delete());

        var again = await NewTenant(uid);
        Assert.Empty(await again.ListKeys());
        Assert.Empty((await again.Get())!.KeyUids);
        Assert.Equal(ErrorCodes.ApiKeyAlreadyExists, (await Assert.ThrowsAsync<PlatformException>(() => again.CreateKey(Key(keyUid)))).Code);
        Assert.Null(await fixture.Grains.GetGrain<IApiKeyLookupGrain>(fixture.Secrets.FingerprintOf(keyUid)).Resolve());
    }

    [Fact]
    public async Task A_re_created_tenant_cannot_read_the_deleted_tenants_tasks()
    {
        var index = "idx_" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Grains.GetGrain<IIndexGrain>(index).Create("id");
        var uid = "t-" + Guid.NewGuid().ToString("N")[..12];
        var first = await NewTenant(uid);
        var other = await NewTenant();
        var old = await first.AddDocuments(index, [new JsonObject { ["id"] = 1, ["secret"] = "x" }], DocumentWriteMode.AddOrReplace, null);
        var others = await other.AddDocuments(index, [new JsonObject { ["id"] = 1 }], DocumentWriteMode.AddOrReplace, null);
        Assert.Equal(old, await first.GetTask(old.Uid));
        Assert.Null(await first.GetTask(others.Uid));
        Assert.True(await first.Delete());
        Assert.Null(await first.GetTask(old.Uid));

        var again = await NewTenant(uid);
        Assert.Null(await again.GetTask(old.Uid));
        Assert.Empty(await again.ListTaskUids());
        Assert.Null(await again.GetTask(others.Uid));

        // The new incarnation's own tasks are readable as usual; the old task record was deleted with its tenant.
        var fresh = await again.AddDocuments(index, [new JsonObject { ["id"] = 1 }], DocumentWriteMode.AddOrReplace, null);
        Assert.Equal(fresh, await again.GetTask(fresh.Uid));
        Assert.Equal([fresh.Uid], await again.ListTaskUids());
        Assert.Null(await fixture.Grains.GetGrain<ITaskGrain>(old.Uid).Get());
    }
}
