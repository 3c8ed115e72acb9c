namespace Platform.Silo.Hosting;

/// <summary>Process-wide settings, bound from <c>Platform</c>. Validated before anything starts.</summary>
public sealed class PlatformOptions
{
    public const string SectionName = "Platform";

    /// <summary><c>development</c> (default) or <c>production</c>. Production refuses to start without a master key.</summary>
    public string Environment { get; set; } = "development";

    /// <summary>
    /// The master key (README.md#configuration). Also read from the <c>PLATFORM_MASTER_KEY</c> environment variable. In development
    /// it may be absent: one is generated at first start and stored at <c>{DataPath}/master-key</c>.
    /// </summary>
    public string? MasterKey { get; set; }

    /// <summary>Folder for grain state (embedded mode), engine data and the development master key. Default <c>.platform-data</c>.</summary>
    public string DataPath { get; set; } = ".platform-data";

    /// <summary>The HTTP address to listen on. Default <c>http://127.0.0.1:7700</c> (Meilisearch's port).</summary>
    public string Listen { get; set; } = "http://127.0.0.1:7700";

    /// <summary>Largest accepted request body in bytes (Meilisearch's payload limit). Default 100 MiB.</summary>
    public long MaxPayloadBytes { get; set; } = 100 * 1024 * 1024;

    /// <summary>Cluster settings (<c>Platform:Cluster</c>).</summary>
    public PlatformClusterOptions Cluster { get; set; } = new();

    public bool IsProduction => string.Equals(Environment, "production", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Orleans cluster settings, bound from <c>Platform:Cluster</c>.</summary>
public sealed class PlatformClusterOptions
{
    /// <summary>
    /// A StackExchange.Redis connection string. Unset (default): one silo with localhost clustering and grain state
    /// in SQLite under the data folder. Set: Redis clustering and Redis grain storage, so several silos form one cluster.
    /// </summary>
    public string? Redis { get; set; }

    /// <summary>Stable for the life of the deployment: it namespaces stored state. Default <c>platform</c>.</summary>
    public string ServiceId { get; set; } = "platform";

    /// <summary>One deployment of the service (change it for blue/green). Default <c>platform</c>.</summary>
    public string ClusterId { get; set; } = "platform";

    /// <summary>
    /// Silo-to-silo port. Default 11111. It listens on <see cref="AdvertisedAddress"/> only and has no
    /// authentication: a trusted-network port (docs/security.md).
    /// </summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>
    /// Orleans gateway port for external grain clients. Default 0: no gateway (the REST API is co-hosted and does
    /// not need one). When set, it listens on <see cref="AdvertisedAddress"/> only and, like the silo port, lets
    /// anyone who reaches it call any grain without authentication: a trusted-network port (docs/security.md).
    /// </summary>
    public int GatewayPort { get; set; } = SiloEndpoints.GatewayDisabled;

    /// <summary>
    /// The address other silos reach this one at, and the only address the silo (and gateway) port listens on
    /// (Redis mode; the single silo of localhost clustering always uses loopback). Default <c>127.0.0.1</c>.
    /// </summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>
    /// Use Orleans' Kubernetes hosting integration (Redis mode only): the silo is named after its pod (<c>POD_NAME</c>,
    /// <c>POD_NAMESPACE</c> from the downward API) and silos whose pods are deleted are declared dead at once.
    /// Default <c>false</c>; it needs a service account allowed to read and label pods (deploy/kubernetes/rbac.yaml).
    /// </summary>
    public bool Kubernetes { get; set; }
}
