using Platform.Api.Health;

namespace Platform.Silo.Hosting.Health;

/// <summary>
/// The silo's checks of the ready probe (<c>GET /health/ready</c>), after the drain check the API registers: cluster
/// membership, grain storage, and the engine chosen by <c>Platform:Search:Engine</c>.
/// </summary>
public static class SiloHealthChecks
{
    /// <summary>
    /// How long a dependency may take to answer a probe. Probes run every few seconds and orchestrators time them
    /// out themselves (Kubernetes: 1 s by default, raise it to 5 s); a store slower than this is not ready anyway.
    /// </summary>
    public static readonly TimeSpan DependencyTimeout = TimeSpan.FromSeconds(3);

    public const string EngineCheckName = "engine";

    public static IHostApplicationBuilder AddSiloHealthChecks(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        string[] ready = [HealthTags.Ready];
        var checks = builder.Services.AddHealthChecks()
            .AddCheck<ClusterMembershipHealthCheck>(ClusterMembershipHealthCheck.Name, tags: ready)
            .AddCheck<GrainStorageHealthCheck>(GrainStorageHealthCheck.Name, tags: ready, timeout: DependencyTimeout);
        if (string.Equals(builder.Configuration[SearchEngineExtensions.EngineKey], "meilisearch", StringComparison.OrdinalIgnoreCase))
        {
            builder.Services.AddHttpClient(MeilisearchHealthCheck.ClientName);
            checks.AddCheck<MeilisearchHealthCheck>(EngineCheckName, tags: ready, timeout: DependencyTimeout);
        }
        else
        {
            checks.AddCheck<EmbeddedEngineHealthCheck>(EngineCheckName, tags: ready, timeout: DependencyTimeout);
        }

        return builder;
    }
}
