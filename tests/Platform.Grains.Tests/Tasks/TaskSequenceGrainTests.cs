using Platform.Grains.Tasks;

namespace Platform.Grains.Tests.Tasks;

[Collection(ClusterCollection.Name)]
public sealed class TaskSequenceGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Concurrent_callers_never_get_the_same_uid()
    {
        var sequence = fixture.Grains.GetGrain<ITaskSequenceGrain>(0);
        var uids = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => sequence.Next()));
        Assert.Equal(uids.Length, uids.Distinct().Count());
        Assert.True(await sequence.Count() > uids.Max());
    }

    [Fact]
    public async Task A_task_is_stored_under_its_own_uid_only()
    {
        var uid = await fixture.Grains.GetGrain<ITaskSequenceGrain>(0).Next();
        var record = new TaskRecord(uid, "t", "products", "indexCreation", PlatformTaskStatus.Succeeded, "{}", null,
            fixture.Time.GetUtcNow(), null, null);
        await fixture.Grains.GetGrain<ITaskGrain>(uid).Save(record);
        Assert.Equal(record, await fixture.Grains.GetGrain<ITaskGrain>(uid).Get());
        await Assert.ThrowsAsync<ArgumentException>(() => fixture.Grains.GetGrain<ITaskGrain>(uid + 1_000_000).Save(record));
    }
}
