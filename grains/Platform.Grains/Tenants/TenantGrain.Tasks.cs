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

    private void RememberTask(long uid)
    {
        var uids = state.State.TaskUids;
        uids.Add(uid);
        if (uids.Count > ListedTasks) uids.RemoveRange(0, uids.Count - ListedTasks);
    }
}
