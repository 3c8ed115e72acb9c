using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.OpenApi;

namespace Platform.Api.Auth;

/// <summary>
/// The one way a route declares who may call it (CONTRIBUTING.md, "A route"). Each convention records a
/// <see cref="RouteAccess"/> on the endpoint (and its OpenAPI credentials) and wraps the endpoint's request delegate
/// so <see cref="RouteAuthorizer"/> runs first.
/// </summary>
/// <remarks>
/// Why a wrapped request delegate rather than an endpoint filter or a middleware: it runs before parameter binding,
/// so a handler can take the caller as a bound parameter (<see cref="TenantCaller"/>, <see cref="SearchCaller"/>,
/// <see cref="OperatorOrTenantCaller"/>); it works on every kind of endpoint (route handlers and plain
/// request-delegate endpoints such as <c>/metrics</c> alike); and it travels with the route, so no host has to
/// remember a <c>Use…()</c> call in the right place of its pipeline.
/// </remarks>
public static class RouteAccessConventions
{
    /// <summary>Open to everyone: no header is read.</summary>
    public static TBuilder AllowEveryone<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        Declare(builder, new OpenAccess());

    /// <summary>The master key only.</summary>
    public static TBuilder RequireMasterKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        Declare(builder, new MasterKeyAccess());

    /// <summary>A tenant key holding <paramref name="action"/> (and covering the index in route value <paramref name="indexRouteValue"/>).</summary>
    public static TBuilder RequireTenantKey<TBuilder>(this TBuilder builder, string action, string? indexRouteValue = null)
        where TBuilder : IEndpointConventionBuilder =>
        Declare(builder, new TenantKeyAccess(action, indexRouteValue));

    /// <summary>A tenant key holding <c>search</c> or a tenant token, for the index in route value <paramref name="indexRouteValue"/>.</summary>
    public static TBuilder RequireSearchCaller<TBuilder>(this TBuilder builder, string? indexRouteValue = null)
        where TBuilder : IEndpointConventionBuilder =>
        Declare(builder, new SearchAccess(indexRouteValue));

    /// <summary>The master key, or a tenant key holding <paramref name="action"/> (of the tenant in route value <paramref name="tenantRouteValue"/>).</summary>
    public static TBuilder RequireMasterOrTenantKey<TBuilder>(this TBuilder builder, string action, string? tenantRouteValue = null)
        where TBuilder : IEndpointConventionBuilder =>
        Declare(builder, new MasterOrTenantKeyAccess(action, tenantRouteValue));

    internal static TBuilder Declare<TBuilder>(TBuilder builder, RouteAccess access) where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(access);
        if (access.AcceptedCredentials.Count > 0) builder.Accepts([.. access.AcceptedCredentials]);
        if (access is OpenAccess) return builder;

        builder.Add(endpoint =>
        {
            var inner = endpoint.RequestDelegate
                ?? throw new InvalidOperationException($"Endpoint '{endpoint.DisplayName}' has no request delegate to authorize.");
            endpoint.RequestDelegate = async context =>
            {
                await context.RequestServices.GetRequiredService<RouteAuthorizer>().AuthorizeAsync(context, access);
                await inner(context);
            };
        });
        return builder;
    }
}
