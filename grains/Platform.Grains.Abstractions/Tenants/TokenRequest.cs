namespace Platform.Grains.Tenants;

/// <summary>What a tenant token should carry (the body of <c>POST /tenants/{uid}/tokens</c>, read by the API).</summary>
/// <param name="SearchRulesJson">The <c>searchRules</c> as JSON text; validated by the grain.</param>
/// <param name="ApiKeyUid">The key to sign with; null = the tenant's newest unexpired key with <c>search</c>.</param>
/// <param name="Subject">The <c>sub</c> claim, or null for none.</param>
/// <param name="ExpiresAt">Requested expiry; at most one of this and <paramref name="TtlSeconds"/>.</param>
/// <param name="TtlSeconds">Requested life in seconds from now; neither given = the configured default life.</param>
[GenerateSerializer, Immutable, Alias("platform.tenant.token-request.v1")]
public sealed record TokenRequest(
    [property: Id(0)] string SearchRulesJson,
    [property: Id(1)] Guid? ApiKeyUid = null,
    [property: Id(2)] string? Subject = null,
    [property: Id(3)] DateTimeOffset? ExpiresAt = null,
    [property: Id(4)] long? TtlSeconds = null);
