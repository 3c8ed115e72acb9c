using Platform.Api.Errors;

namespace Platform.Api.Auth;

/// <summary>
/// Marks the refusals that count as a failed authentication for <see cref="FailedAuthenticationLimiter"/>: a secret
/// the platform does not know (a wrong master key, an unknown or malformed key, a token that does not decode or
/// whose signature is wrong). A real credential used where it is not allowed (an action or index it lacks, an
/// expired key or token, a suspended tenant) is not a guess and does not count. The answer itself is unchanged.
/// </summary>
internal static class CredentialRejection
{
    private const string Marker = "platform.auth.unknown-credential";

    public static ApiError Unknown(ApiError error)
    {
        error.Data[Marker] = true;
        return error;
    }

    public static bool IsUnknownCredential(ApiError error) => error.Data.Contains(Marker);
}
