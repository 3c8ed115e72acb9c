namespace Platform.Silo.Hosting;

/// <summary>
/// Earlier versions gave the embedded engine <c>{DataPath}/indexes</c> as its root, and the engine adds its own
/// <c>indexes/</c>, so indexes lived in <c>{DataPath}/indexes/indexes/{uid}</c>. The root is now the data folder
/// (<c>{DataPath}/indexes/{uid}</c>); at start-up, before the engine opens anything, this moves a folder still in the
/// old layout up one level. A move interrupted by a crash resumes on the next start.
/// </summary>
internal static class EmbeddedDataLayout
{
    public const string IndexesFolder = "indexes";

    /// <summary>Where the nested folder waits while its entries move up. A dot is never in an index uid, so no index can be called this.</summary>
    public const string StagingFolder = ".moving-up";

    /// <summary>Every index folder holds this file (an empty or half-created folder may not).</summary>
    private const string IndexMarker = "settings.json";

    public static void MoveNestedIndexesUp(string dataRoot)
    {
        var indexes = Path.Combine(Path.GetFullPath(dataRoot), IndexesFolder);
        var nested = Path.Combine(indexes, IndexesFolder);
        var staging = Path.Combine(indexes, StagingFolder);
        if (IsOldLayout(indexes, nested))
        {
            // Out of the way first: the old layout may hold an index called `indexes`, whose new place is `nested` itself.
            Directory.Move(nested, staging);
        }

        if (!Directory.Exists(staging)) return;
        foreach (var entry in Directory.EnumerateFileSystemEntries(staging).ToList())
        {
            var target = Path.Combine(indexes, Path.GetFileName(entry));
            if (Directory.Exists(entry)) Directory.Move(entry, target);
            else File.Move(entry, target);
        }

        Directory.Delete(staging);
    }

    /// <summary>
    /// The old layout has the nested folder as the only entry, and that folder is not itself an index (in the new
    /// layout an index called <c>indexes</c> lives there, with its <c>settings.json</c>).
    /// </summary>
    private static bool IsOldLayout(string indexes, string nested) =>
        Directory.Exists(nested)
        && !File.Exists(Path.Combine(nested, IndexMarker))
        && Directory.EnumerateFileSystemEntries(indexes).Take(2).Count() == 1;
}
