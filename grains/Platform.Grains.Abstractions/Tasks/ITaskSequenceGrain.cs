namespace Platform.Grains.Tasks;

/// <summary>
/// The operator's task sequence: uids of prefix 0 (<see cref="TaskUids.OperatorPrefix"/>) for index, settings and
/// tenant-deletion tasks. Tenant writes never come here; each tenant numbers its own tasks. A single grain (key 0).
/// The counter is persisted before a uid is returned, so a uid is never handed out twice, even across a crash; past
/// the retention limit the oldest operator tasks are deleted.
/// </summary>
[Alias("platform.task-sequence.v1")]
public interface ITaskSequenceGrain : IGrainWithIntegerKey
{
    /// <summary>The next uid. Not idempotent.</summary>
    [Alias("next")]
    Task<long> Next();

    /// <summary>The number of uids handed out so far (the next uid). Read-only.</summary>
    [ReadOnly, Alias("count")]
    Task<long> Count();

    /// <summary>The operator tasks still stored. Read-only.</summary>
    [ReadOnly, Alias("range")]
    Task<TaskRange> Range();
}
