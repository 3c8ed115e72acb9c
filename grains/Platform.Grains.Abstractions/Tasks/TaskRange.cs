namespace Platform.Grains.Tasks;

/// <summary>
/// The tasks one owner (a tenant, or the operator in prefix 0) still stores: numbers <see cref="Oldest"/> to
/// <see cref="Next"/> − 1 of <see cref="Prefix"/>. A number in the range may have no task (a crash between taking
/// the number and storing the task leaves a hole).
/// </summary>
[GenerateSerializer, Immutable, Alias("platform.task.range.v1")]
public sealed record TaskRange([property: Id(0)] long Prefix, [property: Id(1)] long Oldest, [property: Id(2)] long Next)
{
    /// <summary>The uid of the newest task, or null when the range is empty.</summary>
    public long? Newest => Next > Oldest ? TaskUids.Compose(Prefix, Next - 1) : null;

    /// <summary>The uid of the oldest stored task.</summary>
    public long OldestUid => TaskUids.Compose(Prefix, Oldest);

    /// <summary>True when the uid lies in this range.</summary>
    public bool Holds(long uid) => TaskUids.PrefixOf(uid) == Prefix && TaskUids.NumberOf(uid) >= Oldest && TaskUids.NumberOf(uid) < Next;
}
