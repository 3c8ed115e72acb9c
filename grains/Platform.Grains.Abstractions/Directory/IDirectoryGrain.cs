namespace Platform.Grains.Directory;

/// <summary>
/// An ordered set of uids for listing (tenants, indexes). Keyed by what it lists. It is an index, not the source
/// of truth: an entity exists when its own grain says so.
/// </summary>
[Alias("platform.directory.v1")]
public interface IDirectoryGrain : IGrainWithStringKey
{
    /// <summary>Adds a uid. Idempotent.</summary>
    [Alias("add")]
    Task Add(string uid);

    /// <summary>Removes a uid. Idempotent.</summary>
    [Alias("remove")]
    Task Remove(string uid);

    /// <summary>A page of uids in ordinal order, and the total count. Read-only.</summary>
    [ReadOnly, Alias("list")]
    Task<DirectoryPage> List(int offset, int limit);
}
