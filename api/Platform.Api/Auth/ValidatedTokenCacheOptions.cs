namespace Platform.Api.Auth;

/// <summary>
/// The API's cache of verified tenant tokens (<see cref="ValidatedTokenCache"/>), bound from <c>Platform:Tokens</c>,
/// the section that also holds the tenant grain's minting settings, and validated at start-up by
/// <see cref="ValidatedTokenCacheOptionsValidator"/>.
/// </summary>
public sealed class ValidatedTokenCacheOptions
{
    public const string SectionName = "Platform:Tokens";

    /// <summary>
    /// How many verified tokens each API process remembers, so a token seen before is not decoded and HMAC-checked
    /// again. 0 turns the cache off. Default 10,000.
    /// </summary>
    public int ValidatedCacheSize { get; set; } = 10_000;

    /// <summary>
    /// Estimated bytes of verified tokens each API process remembers (eight bytes a character of the token plus 256
    /// per entry); least recently used entries go first, and a token larger than this is not cached. At least 1.
    /// Default 64 MiB.
    /// </summary>
    public long ValidatedCacheBytes { get; set; } = 64L * 1024 * 1024;
}
