namespace Platform.Silo.Hosting.Refusals;

/// <summary>
/// Refuses a key under <c>Platform:*</c> that nothing reads, from any source (arguments, environment variables such
/// as <c>Platform__Lisen</c>, settings files): a typo would otherwise run silently on the default (a misspelt
/// <c>Platform:Listen</c> serves on port 7700). The refusal names the nearest valid key.
/// </summary>
internal static class UnknownKeyRefusal
{
    public static void ThrowIfAny(IConfiguration configuration)
    {
        var catalog = PlatformKeyCatalog.FromOptionsTypes();
        var unknown = configuration.GetSection(PlatformOptions.SectionName).AsEnumerable()
            .Where(entry => entry.Value is not null && !catalog.IsKnown(entry.Key))
            .Select(entry => entry.Key)
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (unknown.Count == 0) return;

        throw StartupRefusal.Misconfigured(string.Join("; ", unknown.Select(key =>
            $"unknown configuration key {key}, did you mean {Nearest(key, catalog.Leaves)}?")));
    }

    private static string Nearest(string key, IEnumerable<string> candidates) =>
        candidates.OrderBy(candidate => EditDistance.Between(key, candidate)).ThenBy(candidate => candidate, StringComparer.Ordinal).First();
}
