using System.Text.RegularExpressions;
using Platform.Api.Errors;
using Platform.Search.Errors;

namespace Platform.Api.Indexes;

/// <summary>Meilisearch's index uid rule: alphanumerics, <c>-</c> and <c>_</c>, at most 400 bytes.</summary>
internal static partial class IndexUid
{
    [GeneratedRegex(@"^[a-zA-Z0-9_-]{1,400}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool IsValid(string uid) => Pattern().IsMatch(uid);

    public static string Describe(string uid) =>
        $"`{uid}` is not a valid index uid. Index uid can be an integer or a string containing only alphanumeric "
        + "characters, hyphens (-) and underscores (_), and can not be more than 400 bytes.";

    public static string FromRoute(string uid) =>
        IsValid(uid) ? uid : throw new ApiError(ErrorCodes.InvalidIndexUid, Describe(uid));
}
