using Platform.Grains.Tasks;
using Platform.Grains.Tenants;

namespace Platform.Api.Tasks;

/// <summary>Whose tasks a caller lists, as task ranges in descending uid order.</summary>
internal static class TaskRanges
{
    /// <summary>Claimed prefixes asked of the directory at once.</summary>
    private const int DirectoryPage = 100;

    /// <summary>The operator's view: every tenant's range, highest prefix first from <paramref name="from"/>, then the operator's own (prefix 0).</summary>
    public static async IAsyncEnumerable<TaskRange> Operator(IGrainFactory grains, long? from)
    {
        var directory = grains.GetGrain<ITaskPrefixDirectoryGrain>(0);
        var atOrBelow = from is { } uid ? Math.Min(TaskUids.PrefixOf(uid), TaskUids.MaxPrefix) : TaskUids.MaxPrefix;
        while (atOrBelow > TaskUids.OperatorPrefix)
        {
            var owners = await directory.List(atOrBelow, DirectoryPage);
            foreach (var owner in owners)
            {
                // A prefix being released or re-claimed right now may not match its tenant any more: skip it.
                var range = await grains.GetGrain<ITenantGrain>(owner.Tenant).GetTaskRange();
                if (range?.Prefix == owner.Prefix) yield return range;
            }

            if (owners.Count < DirectoryPage) break;
            atOrBelow = owners[^1].Prefix - 1;
        }

        yield return await grains.GetGrain<ITaskSequenceGrain>(0).Range();
    }

    /// <summary>A tenant's view: its own range only.</summary>
    public static async IAsyncEnumerable<TaskRange> Tenant(IGrainFactory grains, string tenant)
    {
        if (await grains.GetGrain<ITenantGrain>(tenant).GetTaskRange() is { } range) yield return range;
    }
}
