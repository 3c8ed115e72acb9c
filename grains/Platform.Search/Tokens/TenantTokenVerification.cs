namespace Platform.Search.Tokens;

/// <summary>Why a bearer value that looks like a tenant token was refused before its expiry was considered.</summary>
public enum TenantTokenDecodeFailure
{
    /// <summary>A segment is not strict base64url (error case E7, docs/tenant-tokens.md#error-cases).</summary>
    Base64,

    /// <summary>Header or claims JSON unreadable or of the wrong shape, or an unknown <c>alg</c> (E6, E9).</summary>
    Json,

    /// <summary>A known algorithm that is not HS256/HS384/HS512 (E8).</summary>
    InvalidAlgorithm,

    /// <summary>The HMAC does not match the parent key's value (E10).</summary>
    InvalidSignature,

    /// <summary>The claims carry an <c>aud</c> (E11).</summary>
    InvalidAudience,
}

/// <summary>The outcome of reading a bearer value as a tenant token (docs/tenant-tokens.md#the-decision-order).</summary>
public abstract record TenantTokenVerification
{
    private protected TenantTokenVerification()
    {
    }

    /// <summary>Fewer than three dot-separated segments: not a token; the caller tries the API-key path.</summary>
    public sealed record NotAToken : TenantTokenVerification
    {
        private NotAToken()
        {
        }

        /// <summary>The only instance.</summary>
        public static NotAToken Instance { get; } = new();
    }

    /// <summary>Refused (403 <c>invalid_api_key</c>) with Meilisearch's message.</summary>
    /// <param name="Failure">Which check failed.</param>
    /// <param name="Message">The exact message, <c>Could not decode tenant token, ….</c></param>
    public sealed record DecodeError(TenantTokenDecodeFailure Failure, string Message) : TenantTokenVerification;

    /// <summary>Signed correctly but past its <c>exp</c> (403 <c>invalid_api_key</c>).</summary>
    /// <param name="Message">The exact message, <c>Tenant token expired. Was valid up to `exp` and we're now `now`.</c></param>
    /// <param name="Exp">The token's <c>exp</c>.</param>
    /// <param name="Now">The Unix time the check used.</param>
    /// <param name="Claims">The verified claims (for logging and revocation bookkeeping only).</param>
    public sealed record Expired(string Message, long Exp, long Now, TenantTokenClaims Claims) : TenantTokenVerification;

    /// <summary>Signed by the parent key's value and not expired. The key itself is not looked up here (step 8).</summary>
    /// <param name="Claims">The claims.</param>
    /// <param name="Algorithm">The header's algorithm.</param>
    public sealed record Verified(TenantTokenClaims Claims, TenantTokenAlgorithm Algorithm) : TenantTokenVerification;
}
