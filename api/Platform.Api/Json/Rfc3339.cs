using System.Globalization;

namespace Platform.Api.Json;

/// <summary>Dates as Meilisearch writes them: UTC, RFC 3339, fractional seconds only when there are any.</summary>
internal static class Rfc3339
{
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    public static string? Format(DateTimeOffset? value) => value is { } v ? Format(v) : null;

    /// <summary>
    /// Parses the forms Meilisearch accepts for <c>expiresAt</c>: RFC 3339, <c>YYYY-MM-DD</c>,
    /// <c>YYYY-MM-DDTHH:MM:SS</c> and <c>YYYY-MM-DD HH:MM:SS</c> (the last three taken as UTC).
    /// </summary>
    public static bool TryParse(string text, out DateTimeOffset value)
    {
        string[] naive = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss"];
        if (DateTimeOffset.TryParseExact(text, naive, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value))
        {
            return true;
        }

        // RFC 3339 requires an explicit offset (Z or ±hh:mm).
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z')
            || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        return hasOffset && text.Length >= 20 && text[10] is 'T' or 't'
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out value);
    }
}
