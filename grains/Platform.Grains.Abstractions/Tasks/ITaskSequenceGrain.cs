namespace Platform.Grains.Tasks;

/// <summary>
/// Hands out task uids: increasing integers, as Meilisearch's are. A single grain (key 0). The counter is persisted
/// before a uid is returned, so a uid is never handed out twice, even across a crash.
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
}
