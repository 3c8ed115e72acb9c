namespace Platform.Grains.Tenants;

/// <summary>A minted tenant token. It crosses grain calls but is never stored.</summary>
/// <param name="Token">The token (the bearer secret).</param>
/// <param name="ApiKeyUid">The key that signed it (its <c>apiKeyUid</c> claim).</param>
/// <param name="ExpiresAt">Its <c>exp</c>, whole seconds.</param>
/// <param name="IssuedAt">Its <c>iat</c>, whole seconds.</param>
[GenerateSerializer, Immutable, Alias("platform.tenant.minted-token.v1")]
public sealed record MintedToken(
    [property: Id(0)] string Token,
    [property: Id(1)] Guid ApiKeyUid,
    [property: Id(2)] DateTimeOffset ExpiresAt,
    [property: Id(3)] DateTimeOffset IssuedAt)
{
    /// <summary>Never prints the token.</summary>
    public override string ToString() =>
        $"{nameof(MintedToken)} {{ Token = ***, ApiKeyUid = {ApiKeyUid}, ExpiresAt = {ExpiresAt:O}, IssuedAt = {IssuedAt:O} }}";
}
