namespace Platform.Search.Engine;

/// <summary>
/// Implemented by an engine whose backend enforces each tenant's restriction a second time with a per-tenant
/// credential (the Meilisearch engine: a tenant token whose rules carry the isolation filter and the tenant's rule).
/// The tenant grain owns the cache: it asks for a credential once per (tenant, effective rule), reuses it until its
/// refresh point and passes it in <see cref="TenantScope.Credential"/>; the engine only issues and checks.
/// </summary>
public interface IBackendCredentialIssuer
{
    /// <summary>
    /// Changes whenever the engine's signing secret changes (e.g. the backend key was re-created): credentials of an
    /// older generation must not be reused.
    /// </summary>
    long Generation { get; }

    /// <summary>Issues a new credential for <paramref name="scope"/>'s tenant and rule (may first fetch the signing key).</summary>
    ValueTask<BackendCredential> IssueAsync(TenantScope scope, CancellationToken cancellationToken = default);
}
