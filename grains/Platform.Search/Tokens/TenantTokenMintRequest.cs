using Platform.Search.Rules;

namespace Platform.Search.Tokens;

/// <summary>What to put in a tenant token.</summary>
/// <param name="ApiKey">The parent key's value (the HMAC secret); at least 16 characters.</param>
/// <param name="ApiKeyUid">The parent key's uid; a hyphenated UUID (any version, either case).</param>
/// <param name="SearchRules">The <c>searchRules</c> claim (required).</param>
public sealed record TenantTokenMintRequest(string ApiKey, string ApiKeyUid, SearchRules SearchRules)
{
    /// <summary>Expiry as Unix seconds (<c>exp</c>); null = no <c>exp</c> claim. Must not be in the past.</summary>
    public long? ExpiresAt { get; init; }

    /// <summary>The signing algorithm; HS256 by default, as the SDKs.</summary>
    public TenantTokenAlgorithm Algorithm { get; init; } = TenantTokenAlgorithm.HS256;

    /// <summary>Adds an <c>iat</c> claim with the current time (Meilisearch ignores it; revocation uses it).</summary>
    public bool IncludeIssuedAt { get; init; }

    /// <summary>Adds a <c>sub</c> claim (Meilisearch ignores it; revocation by subject uses it).</summary>
    public string? Subject { get; init; }

    /// <summary>Never prints the key value.</summary>
    public override string ToString() =>
        $"{nameof(TenantTokenMintRequest)} {{ ApiKey = ***, ApiKeyUid = {ApiKeyUid}, SearchRules = {SearchRules}, ExpiresAt = {ExpiresAt}, Algorithm = {Algorithm}, IncludeIssuedAt = {IncludeIssuedAt}, Subject = {Subject} }}";

    /// <summary><see cref="ExpiresAt"/> from a date, rounded down to the second as the JS SDK does.</summary>
    public static long ToUnixSeconds(DateTimeOffset expiresAt) => expiresAt.ToUnixTimeSeconds();
}
