using Microsoft.AspNetCore.Http;
using Platform.Api.Errors;

namespace Platform.Api.Auth;

/// <summary>
/// Extracts the bearer secret with Meilisearch's header rules (docs/api-reference.md#authentication): split on the first space, scheme
/// exactly <c>Bearer</c>, the rest untrimmed. A missing or non-Bearer header is 401; <c>Bearer</c> with nothing after
/// it is 403 (the empty secret matches nothing), and so is a secret longer than <see cref="MaxLength"/>, refused
/// before any decoding or lookup (docs/limits.md#tokens).
/// </summary>
internal static class BearerToken
{
    /// <summary>
    /// Longest secret looked at, in characters: a token carrying the largest <c>searchRules</c> a mint accepts
    /// (<see cref="Tenants.TenantRules.MaxBytes"/>) and the longest subject stays well under it.
    /// </summary>
    public const int MaxLength = 24 * 1024;

    public static string Extract(HttpRequest request)
    {
        var header = request.Headers.Authorization;
        if (header.Count != 1 || header[0] is not { Length: > 0 } value || !IsVisibleAscii(value))
        {
            throw ApiError.MissingAuthorizationHeader();
        }

        var space = value.IndexOf(' ', StringComparison.Ordinal);
        var scheme = space < 0 ? value : value[..space];
        if (!string.Equals(scheme, "Bearer", StringComparison.Ordinal))
        {
            throw ApiError.MissingAuthorizationHeader();
        }

        if (value.Length - space - 1 > MaxLength)
        {
            throw CredentialRejection.Unknown(ApiError.InvalidApiKey());
        }

        return space < 0 ? "" : value[(space + 1)..];
    }

    private static bool IsVisibleAscii(string value)
    {
        foreach (var c in value)
        {
            if (c is < ' ' or > '~') return false;
        }

        return true;
    }
}
