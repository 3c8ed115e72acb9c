using Platform.Search.Meilisearch;

namespace Platform.Silo.Hosting.Refusals;

/// <summary>
/// Refuses cluster mode on the embedded engine. The embedded engine keeps a tenant's documents on the disk of
/// whichever silo hosts its grain, so when that grain moves (a silo stops, dies or joins) the documents vanish on
/// every silo, and come back later while newer ones vanish: acknowledged writes are lost. Several silos need one
/// shared engine (Meilisearch).
/// </summary>
internal static class ClusterEngineRefusal
{
    private const string Embedded = "embedded";

    public static void ThrowIfEmbeddedInCluster(IConfiguration configuration, PlatformOptions options)
    {
        // Every clustering provider's key goes here; Redis is the only one today.
        var clusteringKey = options.Cluster.Redis is not null ? $"{PlatformOptions.SectionName}:Cluster:Redis" : null;
        if (clusteringKey is null) return;

        var engine = configuration[SearchEngineExtensions.EngineKey]?.ToLowerInvariant() ?? Embedded;
        if (engine != Embedded) return;

        throw StartupRefusal.Misconfigured(
            $"{clusteringKey} is set (cluster mode) but {SearchEngineExtensions.EngineKey} is `{Embedded}` (set or by default), which keeps each silo's "
            + "documents on its own disk and loses acknowledged writes when a tenant moves between silos. "
            + $"Set {SearchEngineExtensions.EngineKey}=meilisearch with {MeilisearchOptions.SectionName}:{nameof(MeilisearchOptions.Url)} "
            + $"and {MeilisearchOptions.SectionName}:{nameof(MeilisearchOptions.ApiKey)}, "
            + $"or unset {clusteringKey} to run a single silo.");
    }
}
