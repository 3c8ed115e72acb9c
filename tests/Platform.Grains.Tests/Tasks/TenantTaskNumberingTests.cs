using System.Text.Json.Nodes;
using Platform.Grains.Indexes;
using Platform.Grains.Tasks;
using Platform.Grains.Tenants;
using Platform.Search.Engine;

namespace Platform.Grains.Tests.Tasks;

/// <summary>
/// Per-tenant task numbering: two tenants writing to one shared index each see consecutive uids of their own prefix,
/// never each other's tasks, and a deleted tenant's tasks and prefix go with it.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class TenantTaskNumberingTests(ClusterFixture fixture)
{
    private async Task<string> NewIndex()
    {
        var index = "idx_" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Grains.GetGrain<IIndexGrain>(index).Create("id");
        return index;
    }

    private async Task<ITenantGrain> NewTenant(string? uid = null)
    {
        var tenant = fixture.Grains.GetGrain<ITenantGrain>(uid ?? "t-" + Guid.NewGuid().ToString("N")[..12]);
        await tenant.Create(new TenantChanges());
        return tenant;
    }

    private static Task<TaskRecord> Write(ITenantGrain tenant, string index, int id) =>
        tenant.AddDocuments(index, [new JsonObject { ["id"] = id }], DocumentWriteMode.AddOrReplace, null);

    [Fact]
    public async Task Interleaved_writers_each_see_consecutive_uids_of_their_own()
    {
        var index = await NewIndex();
        var alice = await NewTenant();
        var bob = await NewTenant();
        var aliceUids = new List<long>();
        var bobUids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            aliceUids.Add((await Write(alice, index, i)).Uid);
            bobUids.Add((await Write(bob, index, i)).Uid);
            bobUids.Add((await Write(bob, index, i + 100)).Uid);
        }

        Assert.Equal(Enumerable.Range(0, 5).Select(i => aliceUids[0] + i), aliceUids);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => bobUids[0] + i), bobUids);
        Assert.NotEqual(TaskUids.PrefixOf(aliceUids[0]), TaskUids.PrefixOf(bobUids[0]));
        Assert.All(aliceUids.Concat(bobUids), uid => Assert.True(uid < 1L << 53));

        // Same index, same document ids: still no way into the other's tasks.
        Assert.Null(await alice.GetTask(bobUids[0]));
        Assert.Null(await bob.GetTask(aliceUids[^1]));
        Assert.Equal(alice.GetPrimaryKeyString(), (await alice.GetTask(aliceUids[^1]))!.Tenant);
        Assert.Equal(aliceUids.AsEnumerable().Reverse(), await alice.ListTaskUids());
    }

    [Fact]
    public async Task Operator_tasks_are_numbered_in_prefix_zero()
    {
        var index = "idx_" + Guid.NewGuid().ToString("N")[..8];
        var created = await fixture.Grains.GetGrain<IIndexGrain>(index).Create("id");
        Assert.Equal(TaskUids.OperatorPrefix, TaskUids.PrefixOf(created.Uid));
        Assert.True((await fixture.Grains.GetGrain<ITaskSequenceGrain>(0).Range()).Holds(created.Uid));
    }

    [Fact]
    public async Task A_deleted_tenants_tasks_are_deleted_and_its_prefix_released_after_them()
    {
        var index = await NewIndex();
        var uid = "t-" + Guid.NewGuid().ToString("N")[..12];
        var first = await NewTenant(uid);
        var other = await NewTenant();
        var old = await Write(first, index, 1);
        var kept = await Write(other, index, 1);
        var oldPrefix = TaskUids.PrefixOf(old.Uid);
        var directory = fixture.Grains.GetGrain<ITaskPrefixDirectoryGrain>(0);
        Assert.Contains(new TaskPrefixOwner(oldPrefix, uid), await directory.List(oldPrefix, 1));

        Assert.True(await first.Delete());
        Assert.Null(await fixture.Grains.GetGrain<ITaskGrain>(old.Uid).Get());
        Assert.DoesNotContain(await directory.List(oldPrefix, 1), o => o.Prefix == oldPrefix);
        Assert.Equal(kept, await fixture.Grains.GetGrain<ITaskGrain>(kept.Uid).Get());

        // The re-created tenant counts in another prefix and never reaches the old uid.
        var again = await NewTenant(uid);
        var fresh = await Write(again, index, 1);
        Assert.NotEqual(oldPrefix, TaskUids.PrefixOf(fresh.Uid));
        Assert.NotEqual(old.Uid, fresh.Uid);
        Assert.Null(await again.GetTask(old.Uid));
        Assert.Equal([fresh.Uid], await again.ListTaskUids());
    }

    [Fact]
    public async Task Only_the_holder_releases_a_prefix()
    {
        var directory = fixture.Grains.GetGrain<ITaskPrefixDirectoryGrain>(0);
        var tenant = "t-" + Guid.NewGuid().ToString("N")[..12];
        var claimed = await directory.Claim(tenant);
        await directory.Release(claimed.Prefix, "someone-else", 99); // not the holder: ignored
        Assert.Contains(new TaskPrefixOwner(claimed.Prefix, tenant), await directory.List(claimed.Prefix, 1));
        await directory.Release(claimed.Prefix, tenant, claimed.Next + 42);
        Assert.DoesNotContain(await directory.List(claimed.Prefix, 1), o => o.Prefix == claimed.Prefix);
    }
}
