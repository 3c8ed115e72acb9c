namespace Platform.Grains.Tasks;

/// <summary>
/// Task uids are <c>prefix × 2^32 + n</c>: each tenant incarnation owns a random prefix and counts its own tasks in
/// <c>n</c>, the operator counts in prefix 0. Uids stay globally unique, a tenant sees consecutive uids of its own,
/// and no tenant's uids say anything about another's write volume (docs/tasks.md#task-uids).
/// </summary>
public static class TaskUids
{
    /// <summary>
    /// Bits of the per-prefix counter: 2^32 tasks per prefix, the range of a Meilisearch instance's own task uids
    /// (an unsigned 32-bit integer).
    /// </summary>
    public const int NumberBits = 32;

    /// <summary>Bits of the prefix: 21, so that every uid stays below 2^53 and reads exactly as a JavaScript number.</summary>
    public const int PrefixBits = 21;

    /// <summary>The operator's prefix (index, settings and tenant-deletion tasks, and the tasks stored before per-tenant numbering).</summary>
    public const long OperatorPrefix = 0;

    /// <summary>The largest tenant prefix (2,097,151); tenant prefixes are 1 to this.</summary>
    public const long MaxPrefix = (1L << PrefixBits) - 1;

    /// <summary>The number of task uids one prefix holds (4,294,967,296).</summary>
    public const long NumbersPerPrefix = 1L << NumberBits;

    /// <summary>The uid of task number <paramref name="number"/> of <paramref name="prefix"/>.</summary>
    public static long Compose(long prefix, long number) => (prefix << NumberBits) + number;

    /// <summary>The prefix a uid belongs to.</summary>
    public static long PrefixOf(long uid) => uid >> NumberBits;

    /// <summary>A uid's number within its prefix.</summary>
    public static long NumberOf(long uid) => uid & (NumbersPerPrefix - 1);
}
