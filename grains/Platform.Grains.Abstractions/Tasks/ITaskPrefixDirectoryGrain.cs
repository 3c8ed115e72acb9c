namespace Platform.Grains.Tasks;

/// <summary>
/// Hands out tenant task prefixes (<see cref="TaskUids"/>) and lists the claimed ones for the operator's task list.
/// One grain (key 0), called only when a tenant is created or deleted and when the operator lists tasks: never on a
/// write path. A released prefix remembers how far it counted, so a later owner continues above it and no task uid
/// is ever issued twice.
/// </summary>
[Alias("platform.task-prefix-directory.v1")]
public interface ITaskPrefixDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Claims a random free prefix for <paramref name="tenant"/> and returns it with the first number it may use.
    /// Not idempotent: every call claims another prefix.
    /// </summary>
    [Alias("claim")]
    Task<TaskRange> Claim(string tenant);

    /// <summary>
    /// Releases <paramref name="prefix"/> when <paramref name="tenant"/> holds it, remembering <paramref name="next"/>
    /// as where a later owner starts. Call it only after the owner's tasks are deleted. Idempotent.
    /// </summary>
    [Alias("release")]
    Task Release(long prefix, string tenant, long next);

    /// <summary>Claimed prefixes at or below <paramref name="atOrBelow"/>, highest first, at most <paramref name="count"/>. Read-only.</summary>
    [ReadOnly, Alias("list")]
    Task<IReadOnlyList<TaskPrefixOwner>> List(long atOrBelow, int count);
}

/// <summary>A claimed prefix and the tenant holding it.</summary>
[GenerateSerializer, Immutable, Alias("platform.task.prefix-owner.v1")]
public sealed record TaskPrefixOwner([property: Id(0)] long Prefix, [property: Id(1)] string Tenant);
