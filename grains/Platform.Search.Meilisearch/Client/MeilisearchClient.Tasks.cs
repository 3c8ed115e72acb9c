namespace Platform.Search.Meilisearch;

internal sealed partial class MeilisearchClient
{
    /// <summary><c>GET /tasks/{uid}</c>; 404 <c>task_not_found</c> surfaces as <see cref="MeilisearchApiException"/>.</summary>
    public Task<TaskInfo> GetTaskAsync(AdminCredential credential, long taskUid, CancellationToken cancellationToken = default) =>
        SendAsync<TaskInfo>(Admin(HttpMethod.Get, $"tasks/{taskUid}", credential), cancellationToken);

    /// <summary><c>GET /tasks?statuses=&amp;types=&amp;indexUids=&amp;uids=&amp;limit=&amp;from=</c>.</summary>
    public Task<TaskList> ListTasksAsync(AdminCredential credential, TaskQuery? query = null, CancellationToken cancellationToken = default)
    {
        var qs = new QueryString()
            .AddList("statuses", query?.Statuses)
            .AddList("types", query?.Types)
            .AddList("indexUids", query?.IndexUids)
            .AddList("uids", query?.Uids)
            .Add("limit", query?.Limit)
            .Add("from", query?.From);
        return SendAsync<TaskList>(Admin(HttpMethod.Get, $"tasks{qs}", credential), cancellationToken);
    }

    /// <summary>
    /// Polls <c>GET /tasks/{uid}</c> until the task is <c>succeeded</c>, <c>failed</c> or <c>canceled</c>, and returns
    /// it (a failed task is returned, not thrown: its <see cref="TaskInfo.Error"/> is the caller's to judge). The first
    /// poll is immediate; later ones back off exponentially up to <see cref="TaskWaitOptions.MaxDelay"/>. Delays use
    /// the injected <see cref="TimeProvider"/>. Throws <see cref="TimeoutException"/> after
    /// <see cref="TaskWaitOptions.Timeout"/>.
    /// </summary>
    public async Task<TaskInfo> WaitForTaskAsync(AdminCredential credential, long taskUid, TaskWaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= TaskWaitOptions.Default;
        var started = _timeProvider.GetUtcNow();
        for (var poll = 0; ; poll++)
        {
            var task = await GetTaskAsync(credential, taskUid, cancellationToken);
            if (task.IsTerminal)
            {
                return task;
            }

            var delay = options.DelayAfter(poll);
            if (options.Timeout is { } timeout && _timeProvider.GetUtcNow() + delay - started > timeout)
            {
                throw new TimeoutException($"Meilisearch task {taskUid} was still '{task.Status}' after {timeout}.");
            }

            await Task.Delay(delay, _timeProvider, cancellationToken);
        }
    }
}
