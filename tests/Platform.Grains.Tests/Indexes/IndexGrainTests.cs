using Platform.Grains.Indexes;
using Platform.Grains.Tasks;

namespace Platform.Grains.Tests.Indexes;

/// <summary>Operator writes on an index are one grain call each, answered with the task the grain recorded.</summary>
[Collection(ClusterCollection.Name)]
public sealed class IndexGrainTests(ClusterFixture fixture)
{
    private IIndexGrain NewIndex(out string uid)
    {
        uid = "idx_" + Guid.NewGuid().ToString("N")[..8];
        return fixture.Grains.GetGrain<IIndexGrain>(uid);
    }

    [Fact]
    public async Task A_settings_update_creates_a_missing_index_and_records_its_task()
    {
        var index = NewIndex(out var uid);

        var task = await index.UpdateSettings(
            new IndexSettingsChange(SetFilterableAttributes: true, FilterableAttributes: ["color"]), """{"filterableAttributes":["color"]}""");

        Assert.Equal(TaskTypes.SettingsUpdate, task.Type);
        Assert.Equal(PlatformTaskStatus.Succeeded, task.Status);
        Assert.Null(task.Tenant);
        Assert.Equal(uid, task.IndexUid);
        Assert.Equal("""{"filterableAttributes":["color"]}""", task.DetailsJson);
        Assert.Equal(["color"], (await index.Get())!.Settings.FilterableAttributes);
        Assert.Equal(task, await fixture.Grains.GetGrain<ITaskGrain>(task.Uid).Get());
    }

    [Fact]
    public async Task A_second_create_and_a_delete_of_a_missing_index_fail_their_tasks()
    {
        var index = NewIndex(out _);
        Assert.Equal(PlatformTaskStatus.Succeeded, (await index.Create("id")).Status);

        var again = await index.Create(null);
        Assert.Equal(TaskTypes.IndexCreation, again.Type);
        Assert.Equal("index_already_exists", again.Error!.Code);

        Assert.Equal(PlatformTaskStatus.Succeeded, (await index.Delete()).Status);
        var missing = await index.Delete();
        Assert.Equal(TaskTypes.IndexDeletion, missing.Type);
        Assert.Equal("index_not_found", missing.Error!.Code);
    }
}
