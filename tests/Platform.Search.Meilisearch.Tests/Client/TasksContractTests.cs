using Platform.Search.Meilisearch.Tests.Infrastructure;

namespace Platform.Search.Meilisearch.Tests.Client;

public sealed class TasksContractTests(RecordingMeilisearchFixture fixture) : ContractTestBase(fixture)
{
    [Fact]
    public async Task GetTask_reads_every_field_including_nanosecond_times()
    {
        Server.Enqueue(ScriptedResponse.Ok(MeilisearchExamples.SucceededTask));

        var task = await Client.GetTaskAsync(Admin, 147);

        AssertSent("GET", "/tasks/147", "", Admin.ApiKey);
        Assert.Equal(147, task.Uid);
        Assert.Equal(12, task.BatchUid);
        Assert.Equal("movies", task.IndexUid);
        Assert.Equal(MeilisearchTaskStatus.Succeeded, task.Status);
        Assert.True(task.IsTerminal);
        Assert.Equal(5, task.Details!["indexedDocuments"]!.GetValue<int>());
        Assert.Null(task.Error);
        Assert.Equal("PT0.5S", task.Duration);
        Assert.Equal(new DateTimeOffset(2024, 8, 8, 17, 5, 56, TimeSpan.Zero).AddTicks(3001234), task.FinishedAt);
    }

    [Fact]
    public async Task GetTask_reads_the_error_of_a_failed_task()
    {
        Server.Enqueue(ScriptedResponse.Ok(MeilisearchExamples.FailedTask));

        var task = await Client.GetTaskAsync(Admin, 148);

        Assert.Equal(MeilisearchTaskStatus.Failed, task.Status);
        Assert.Equal("invalid_settings_filterable_attributes", task.Error!.Code);
        Assert.Equal("invalid_request", task.Error.Type);
        Assert.Equal("https://docs.meilisearch.com/errors#invalid_settings_filterable_attributes", task.Error.Link);
    }

    [Fact]
    public async Task ListTasks_sends_every_filter()
    {
        Server.Enqueue(ScriptedResponse.Ok(MeilisearchExamples.TaskList));

        var list = await Client.ListTasksAsync(Admin, new TaskQuery
        {
            Statuses = [MeilisearchTaskStatus.Enqueued, MeilisearchTaskStatus.Processing],
            Types = ["documentAdditionOrUpdate"],
            IndexUids = ["movies", "tenant-a"],
            Uids = [147, 148],
            Limit = 20,
            From = 147,
        });

        AssertSent("GET", "/tasks",
            "?statuses=enqueued,processing&types=documentAdditionOrUpdate&indexUids=movies,tenant-a&uids=147,148&limit=20&from=147",
            Admin.ApiKey);
        Assert.Equal(147, Assert.Single(list.Results).Uid);
        Assert.Equal((1L, 20, 147L, (long?)null), (list.Total, list.Limit, list.From!.Value, list.Next));
    }

    [Fact]
    public async Task ListTasks_without_filters_sends_no_query()
    {
        Server.Enqueue(ScriptedResponse.Ok(MeilisearchExamples.TaskList));

        await Client.ListTasksAsync(Admin);

        AssertSent("GET", "/tasks", "", Admin.ApiKey);
    }
}
