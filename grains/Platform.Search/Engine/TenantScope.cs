namespace Platform.Search.Engine;

/// <summary>
/// The tenant every engine operation is restricted to. Engines apply it themselves (as a required clause on every
/// read, search, count, facet and delete), so a caller cannot forget it or widen it with a filter.
/// </summary>
public readonly record struct TenantScope
{
    /// <summary>Creates a scope for <paramref name="tenantUid"/> (non-empty, at most 256 characters, no control characters).</summary>
    public TenantScope(string tenantUid)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantUid);
        if (tenantUid.Length > 256 || tenantUid.Any(char.IsControl))
        {
            throw new ArgumentException("A tenant uid is at most 256 characters, without control characters.", nameof(tenantUid));
        }

        TenantUid = tenantUid;
    }

    /// <summary>The tenant uid. Never shown to clients.</summary>
    public string TenantUid { get; }

    /// <summary>
    /// The tenant's own rule for the index, when it has one. Callers also fuse it into request filters; an engine
    /// that can enforce it a second time on its side (the Meilisearch engine, in its backend token) does so.
    /// </summary>
    public Filters.FilterExpression? Restriction { get; init; }

    /// <summary>
    /// The backend credential the caller cached for this tenant and <see cref="Restriction"/>, when the engine issues
    /// them (<see cref="IBackendCredentialIssuer"/>). An engine uses it only if it matches the scope and is current,
    /// and issues a fresh one otherwise.
    /// </summary>
    public BackendCredential? Credential { get; init; }

    /// <summary>True for <c>default(TenantScope)</c>, which engines refuse.</summary>
    public bool IsEmpty => TenantUid is null;

    public override string ToString() => TenantUid ?? "<none>";
}
