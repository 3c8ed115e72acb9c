using Platform.Search.Rules;

namespace Platform.Search.Tokens;

/// <summary>The claims of a tenant token that the platform reads.</summary>
/// <param name="ApiKeyUid">The parent API key's uid (<c>apiKeyUid</c>).</param>
/// <param name="SearchRules">The <c>searchRules</c> claim.</param>
/// <param name="Exp">Unix seconds after which the token is expired (<c>exp</c>); null = never.</param>
/// <param name="Iat">Unix seconds of issue (<c>iat</c>), when present as an integer. Meilisearch ignores it; the
/// platform uses it for revocation by subject.</param>
/// <param name="Sub">The subject (<c>sub</c>), when present as a string. Meilisearch ignores it.</param>
public sealed record TenantTokenClaims(Guid ApiKeyUid, SearchRules SearchRules, long? Exp, long? Iat = null, string? Sub = null);
