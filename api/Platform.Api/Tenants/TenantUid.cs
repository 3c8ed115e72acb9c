using System.Text.RegularExpressions;
using Platform.Api.Errors;
using Platform.Search.Errors;

namespace Platform.Api.Tenants;

/// <summary>Tenant uids (docs/limits.md#identifiers): 1–64 of <c>[a-z0-9-]</c>, starting and ending with a letter or digit.</summary>
internal static partial class TenantUid
{
    [GeneratedRegex(@"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool IsValid(string uid) => Pattern().IsMatch(uid);

    public static string Describe(string uid) =>
        $"`{uid}` is not a valid tenant uid. Tenant uids are 1 to 64 lowercase letters, digits and hyphens (-), "
        + "and start and end with a letter or a digit.";

    /// <summary>Validates a uid taken from a route.</summary>
    public static string FromRoute(string uid) =>
        IsValid(uid) ? uid : throw new ApiError(ErrorCodes.InvalidTenantUid, Describe(uid));
}
