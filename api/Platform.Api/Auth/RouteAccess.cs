using Platform.Api.OpenApi;

namespace Platform.Api.Auth;

/// <summary>
/// Endpoint metadata: who may call a route. Every endpoint carries exactly one, declared with the conventions of
/// <see cref="RouteAccessConventions"/>; <see cref="RouteAuthorizer"/> enforces it before the handler's parameters are
/// bound, and the handler receives the authenticated caller as a parameter. A test enumerates the endpoints and
/// fails on any route without exactly one declaration (docs/security.md#authorization-model).
/// </summary>
internal abstract record RouteAccess
{
    /// <summary>The OpenAPI security schemes (<see cref="Credentials"/>) the route accepts; empty when open.</summary>
    public abstract IReadOnlyList<string> AcceptedCredentials { get; }
}

/// <summary>Anyone, no credentials looked at: probes, <c>/health</c>.</summary>
internal sealed record OpenAccess : RouteAccess
{
    public override IReadOnlyList<string> AcceptedCredentials => [];
}

/// <summary>
/// The master key only; a tenant key or token gets <c>invalid_api_key</c> without a lookup. With
/// <paramref name="OpenOnLoopback"/>, callers on the loopback interface need nothing (<c>/metrics</c>).
/// </summary>
internal sealed record MasterKeyAccess(bool OpenOnLoopback = false) : RouteAccess
{
    public override IReadOnlyList<string> AcceptedCredentials => [Credentials.MasterKey];
}

/// <summary>
/// A tenant API key holding <paramref name="Action"/>; with <paramref name="IndexRouteValue"/>, the key must cover
/// the index that route value names (validated as an index uid first, as the handlers always did). Binds
/// <see cref="TenantCaller"/>.
/// </summary>
internal sealed record TenantKeyAccess(string Action, string? IndexRouteValue) : RouteAccess
{
    public override IReadOnlyList<string> AcceptedCredentials => [Credentials.TenantKey];
}

/// <summary>
/// A tenant key holding <c>search</c> or a tenant token signed with one, for the index named by
/// <paramref name="IndexRouteValue"/> (null for <c>/multi-search</c>, which checks each query). Binds
/// <see cref="SearchCaller"/>.
/// </summary>
internal sealed record SearchAccess(string? IndexRouteValue) : RouteAccess
{
    public override IReadOnlyList<string> AcceptedCredentials => [Credentials.TenantKey, Credentials.TenantToken];
}

/// <summary>
/// The master key, or a tenant key holding <paramref name="Action"/>; with <paramref name="TenantRouteValue"/>, the
/// key must belong to the tenant that route value names. Binds <see cref="OperatorOrTenantCaller"/>.
/// </summary>
internal sealed record MasterOrTenantKeyAccess(string Action, string? TenantRouteValue) : RouteAccess
{
    public override IReadOnlyList<string> AcceptedCredentials => [Credentials.MasterKey, Credentials.TenantKey];
}
