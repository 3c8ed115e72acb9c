namespace Platform.Grains.Directory;

/// <summary>Stored state of a directory (storage contract: JSON).</summary>
public sealed class DirectoryState
{
    public SortedSet<string> Uids { get; set; } = new(StringComparer.Ordinal);
}
