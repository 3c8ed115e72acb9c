using System.Runtime.CompilerServices;
using System.Text;
using Platform.Search.Filters;

namespace Platform.Search.Engine;

/// <summary>
/// A credential an engine issued for one tenant and one tenant rule (for Meilisearch, a backend tenant token), which
/// the tenant grain caches and hands back in <see cref="TenantScope.Credential"/> on each search. A bearer secret:
/// redacted from <see cref="ToString"/>, held in memory only.
/// </summary>
/// <param name="Value">The credential itself, e.g. a signed JWT.</param>
/// <param name="Subject">Whom it was issued for: <see cref="SubjectOf"/> of the scope, checked by the engine on use.</param>
/// <param name="RefreshAt">When a cache should replace it with a new one (some time before it expires).</param>
/// <param name="ExpiresAt">When the engine's backend stops accepting it.</param>
/// <param name="Generation">The issuer's <see cref="IBackendCredentialIssuer.Generation"/> at issue.</param>
public sealed record BackendCredential(string Value, string Subject, DateTimeOffset RefreshAt, DateTimeOffset ExpiresAt, long Generation)
{
    /// <summary>
    /// The identity of a scope's effective rules: the tenant, then the canonical text of its rule for the index. Two
    /// scopes with equal subjects need the same credential; a changed rule gives a new subject, hence a new credential.
    /// </summary>
    public static string SubjectOf(TenantScope scope)
    {
        if (scope.IsEmpty)
        {
            throw new ArgumentException("A tenant scope is required.", nameof(scope));
        }

        // The newline cannot occur in a tenant uid (no control characters), so the two parts never run together.
        return scope.Restriction is { } rule ? scope.TenantUid + "\n" + PrintedRules.GetValue(rule, static r => FilterPrinter.Print(r)) : scope.TenantUid;
    }

    // Both the grain (to find its cached token) and the engine (to check it) need the subject on every search, and
    // a tenant's rule is one parsed instance reused across searches: print it once per instance. Filters are
    // immutable, so the text never goes stale; entries go when the rule does.
    private static readonly ConditionalWeakTable<FilterExpression, string> PrintedRules = new();

    /// <summary>True while it can still be used as issued: same generation, and not yet at its refresh point.</summary>
    public bool IsFresh(long generation, DateTimeOffset now) => Generation == generation && now < RefreshAt;

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Value = ***, RefreshAt = ").Append(RefreshAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture))
            .Append(", Generation = ").Append(Generation);
        return true;
    }
}
