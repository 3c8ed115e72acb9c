namespace Platform.Api.Health;

/// <summary>Which probe runs a health check: each check is registered with one of these tags.</summary>
public static class HealthTags
{
    /// <summary><c>GET /health/live</c>: the process serves requests; no dependency is asked.</summary>
    public const string Live = "live";

    /// <summary><c>GET /health/ready</c>: this silo should receive traffic (member, storage, engine, not draining).</summary>
    public const string Ready = "ready";
}
