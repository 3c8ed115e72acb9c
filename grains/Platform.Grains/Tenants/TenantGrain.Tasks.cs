using Platform.Grains.Tasks;

namespace Platform.Grains.Tenants;

/// <summary>The tenant's own task list (newest last in state), for <c>GET /tasks</c> with a tenant key.</summary>
internal sealed partial class TenantGrain
{
    /// <summary>How many task uids a tenant's list keeps; older tasks stay readable by uid.</summary>
    internal const int ListedTasks = 1000;

    public Task<IReadOnlyList<long>> ListTaskUids()
    {
        EnsureExists();
        IReadOnlyList<long> uids = [.. state.State.TaskUids.AsEnumerable().Reverse()];
        return Task.FromResult(uids);
    }

    public async Task<TaskRecord?> GetTask(long taskUid)
    {
        // Uids below FirstTaskUid were issued before this incarnation existed: a deleted tenant's, even if the
        // owner's uid is the same (docs/security.md#tasks).
        if (!state.State.Exists || taskUid < state.State.FirstTaskUid) return null;
        var task = await grains.GetGrain<ITaskGrain>(taskUid).Get();
        return task?.Tenant == Uid ? task : null;
    }

    /// <summary>The next task uid to be issued: every task of the incarnation being created is at or above it.</summary>
    private Task<long> NextTaskUid() => grains.GetGrain<ITaskSequenceGrain>(0).Count();

    private void RememberTask(long uid)
    {
        var uids = state.State.TaskUids;
        uids.Add(uid);
        if (uids.Count > ListedTasks) uids.RemoveRange(0, uids.Count - ListedTasks);
    }
}
