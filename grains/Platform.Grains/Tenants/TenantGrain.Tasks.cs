using Platform.Grains.Tasks;

namespace Platform.Grains.Tenants;

/// <summary>
/// The tenant's own tasks: numbered in its own prefix (docs/tasks.md#task-uids), at most the retention limit kept,
/// all deleted with the tenant.
/// </summary>
internal sealed partial class TenantGrain
{
    /// <summary>How many task uids <see cref="ListTaskUids"/> returns.</summary>
    internal const int ListedTasks = 1000;

    public Task<IReadOnlyList<long>> ListTaskUids()
    {
        EnsureExists();
        var s = state.State;
        var count = s.TaskPrefix == 0 ? 0 : (int)Math.Min(ListedTasks, s.TaskNext - s.TaskOldest);
        IReadOnlyList<long> uids = [.. Enumerable.Range(1, count).Select(i => TaskUids.Compose(s.TaskPrefix, s.TaskNext - i))];
        return Task.FromResult(uids);
    }

    public Task<TaskRange?> GetTaskRange() => Task.FromResult(OwnTasks);

    public async Task<TaskRecord?> GetTask(long taskUid)
    {
        // Only uids of this incarnation's own prefix: a deleted tenant of the same uid had another one.
        if (OwnTasks is not { } range || !range.Holds(taskUid)) return null;
        var task = await grains.GetGrain<ITaskGrain>(taskUid).Get();
        return task?.Tenant == Uid ? task : null;
    }

    private TaskRange? OwnTasks => state.State is { Exists: true, TaskPrefix: > 0 } s ? new TaskRange(s.TaskPrefix, s.TaskOldest, s.TaskNext) : null;

    private Task<TaskRange> ClaimTaskPrefix() => grains.GetGrain<ITaskPrefixDirectoryGrain>(0).Claim(Uid);

    /// <summary>
    /// Takes the next task uid of this tenant, deleting the oldest tasks past the retention limit, and persists the
    /// counter before the work runs, so a uid is never handed out twice.
    /// </summary>
    private async Task<long> TakeTaskUid()
    {
        var s = state.State;
        if (s.TaskPrefix == 0)
        {
            // A tenant created before per-tenant numbering gets its prefix with its first task.
            var claimed = await ClaimTaskPrefix();
            (s.TaskPrefix, s.TaskOldest, s.TaskNext) = (claimed.Prefix, claimed.Oldest, claimed.Next);
        }

        var keep = TaskDeletion.OldestToKeep(s.TaskOldest, s.TaskNext, tasks.MaxRetained);
        // Delete first, then move the range: a crash in between leaves holes to delete again, never orphans.
        if (keep > s.TaskOldest) await TaskDeletion.DeleteRange(grains, s.TaskPrefix, s.TaskOldest, keep);

        var number = s.TaskNext;
        s.TaskOldest = keep;
        s.TaskNext = number + 1;
        await state.WriteStateAsync();
        return TaskUids.Compose(s.TaskPrefix, number);
    }

    /// <summary>Deletes every stored task of this tenant, including those from before per-tenant numbering.</summary>
    private async Task DeleteOwnTasks()
    {
        var s = state.State;
        if (s.TaskPrefix > 0) await TaskDeletion.DeleteRange(grains, s.TaskPrefix, s.TaskOldest, s.TaskNext);
        await TaskDeletion.DeleteUids(grains, s.TaskUids);
    }

    private Task ReleaseTaskPrefix(long prefix, long next) =>
        prefix > 0 ? grains.GetGrain<ITaskPrefixDirectoryGrain>(0).Release(prefix, Uid, next) : Task.CompletedTask;
}
