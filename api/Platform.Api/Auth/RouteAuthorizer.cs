using System.Net;
using Microsoft.AspNetCore.Http;
using Platform.Api.Errors;
using Platform.Api.Indexes;
using Platform.Search.Keys;

namespace Platform.Api.Auth;

/// <summary>
/// Enforces a route's <see cref="RouteAccess"/> and stores the caller for the handler's binding
/// (<see cref="AuthenticatedCaller"/>). Meilisearch's answers and their order are the handlers' old ones: a route's
/// index uid is validated before the header, then the header's shape (401), then the credential (403). A client past
/// its failed-authentication limit is refused first (<see cref="FailedAuthenticationLimiter"/>), and every unknown
/// credential counts against it.
/// </summary>
internal sealed class RouteAuthorizer(
    TenantKeyAuthenticator keys,
    SearchAuthenticator searchers,
    ApiKeySecrets secrets,
    FailedAuthenticationLimiter failures,
    AuthMetrics metrics)
{
    public async Task AuthorizeAsync(HttpContext context, RouteAccess access)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (access is OpenAccess || (access is MasterKeyAccess { OpenOnLoopback: true } && IsLoopback(context))) return;

        var client = FailedAuthenticationLimiter.ClientOf(context);
        if (failures.RefusalFor(client) is { } refusal)
        {
            metrics.Throttled();
            throw refusal;
        }

        try
        {
            AuthenticatedCaller.Set(context, await AuthenticateAsync(context, access));
        }
        catch (ApiError error) when (CredentialRejection.IsUnknownCredential(error))
        {
            failures.RecordFailure(client);
            metrics.Failure();
            throw;
        }
    }

    private async Task<object?> AuthenticateAsync(HttpContext context, RouteAccess access)
    {
        switch (access)
        {
            case MasterKeyAccess:
                if (!secrets.IsMasterKey(BearerToken.Extract(context.Request))) throw CredentialRejection.Unknown(ApiError.InvalidApiKey());
                return null;
            case TenantKeyAccess tenantKey:
                var index = IndexOf(context, tenantKey.IndexRouteValue);
                return await keys.AuthenticateAsync(BearerToken.Extract(context.Request), tenantKey.Action, index);
            case SearchAccess search:
                var searched = IndexOf(context, search.IndexRouteValue);
                return await searchers.AuthenticateAsync(BearerToken.Extract(context.Request), searched);
            case MasterOrTenantKeyAccess either:
                return await AuthenticateMasterOrTenantAsync(context, either);
            default:
                throw new InvalidOperationException($"Unknown route access {access.GetType().Name}.");
        }
    }

    private async Task<OperatorOrTenantCaller> AuthenticateMasterOrTenantAsync(HttpContext context, MasterOrTenantKeyAccess access)
    {
        var bearer = BearerToken.Extract(context.Request);
        if (secrets.IsMasterKey(bearer)) return OperatorOrTenantCaller.Operator;

        var caller = await keys.AuthenticateAsync(bearer, access.Action, indexUid: null);
        if (access.TenantRouteValue is { } name && !string.Equals(caller.TenantUid, RouteValue(context, name), StringComparison.Ordinal))
        {
            // A key of another tenant: the same answer as a key without the action.
            throw ApiError.InvalidApiKey();
        }

        return new OperatorOrTenantCaller(caller);
    }

    private static string? IndexOf(HttpContext context, string? routeValue) =>
        routeValue is null ? null : IndexUid.FromRoute(RouteValue(context, routeValue));

    private static string RouteValue(HttpContext context, string name) =>
        context.Request.RouteValues[name] as string
        ?? throw new InvalidOperationException($"Endpoint '{context.GetEndpoint()?.DisplayName}' declares route value '{name}', which its pattern lacks.");

    private static bool IsLoopback(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote);
}
