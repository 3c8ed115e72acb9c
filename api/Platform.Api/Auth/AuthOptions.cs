namespace Platform.Api.Auth;

/// <summary>
/// Brute-force resistance of the API (docs/security.md#authorization-model), bound from <c>Platform:Auth</c> and
/// validated at start-up by <see cref="AuthOptionsValidator"/>.
/// </summary>
public sealed class AuthOptions
{
    public const string SectionName = "Platform:Auth";

    /// <summary>
    /// Failed authentications (unknown keys, wrong master keys, tokens that do not decode or verify) one client
    /// address may make per <see cref="FailedAttemptWindow"/>; past it every request with credentials from that
    /// address gets 429 <c>too_many_failed_authentications</c> until the window ends. At least 1. Default 100.
    /// </summary>
    public int MaxFailedAttempts { get; set; } = 100;

    /// <summary>The window <see cref="MaxFailedAttempts"/> counts over. At least one second. Default one minute.</summary>
    public TimeSpan FailedAttemptWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Unknown key values remembered per process so a repeated guess costs no grain call. 0 turns the cache off.
    /// Default 10,000 (about 1.5 MB).
    /// </summary>
    public int UnknownKeyCacheSize { get; set; } = 10_000;

    /// <summary>
    /// How long an unknown key value is remembered: also how long a key created on another silo can be refused on
    /// this one after its value was tried before it existed. At least one second. Default 10 seconds.
    /// </summary>
    public TimeSpan UnknownKeyCacheDuration { get; set; } = TimeSpan.FromSeconds(10);
}
