namespace Platform.Grains.Tasks;

/// <summary>Deletes stored tasks: retention's oldest, or every task of a deleted tenant.</summary>
internal static class TaskDeletion
{
    /// <summary>Deletions in flight at once: enough to keep storage busy, few enough not to flood a silo.</summary>
    private const int Parallelism = 32;

    /// <summary>Deletes numbers <paramref name="from"/> to <paramref name="to"/> − 1 of <paramref name="prefix"/>.</summary>
    public static Task DeleteRange(IGrainFactory grains, long prefix, long from, long to) =>
        DeleteUids(grains, LongRange(from, to).Select(n => TaskUids.Compose(prefix, n)));

    /// <summary>Deletes the tasks with these uids. Idempotent: a missing task is skipped.</summary>
    public static Task DeleteUids(IGrainFactory grains, IEnumerable<long> uids) =>
        Parallel.ForEachAsync(uids, new ParallelOptions { MaxDegreeOfParallelism = Parallelism },
            async (uid, _) => await grains.GetGrain<ITaskGrain>(uid).Delete());

    /// <summary>The oldest number to keep so that, with one more task, at most <paramref name="maxRetained"/> remain.</summary>
    public static long OldestToKeep(long oldest, long next, int maxRetained) => Math.Max(oldest, next + 1 - maxRetained);

    private static IEnumerable<long> LongRange(long from, long to)
    {
        for (var n = from; n < to; n++) yield return n;
    }
}
