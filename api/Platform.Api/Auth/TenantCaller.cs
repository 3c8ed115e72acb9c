using Microsoft.AspNetCore.Http;
using Platform.Grains.Keys;
using Platform.Grains.Tenants;

namespace Platform.Api.Auth;

/// <summary>A request authenticated as a tenant, by one of its API keys (<see cref="TenantKeyAccess"/>).</summary>
internal sealed record TenantCaller(ApiKeySnapshot Key, TenantSnapshot Tenant)
{
    public string TenantUid => Tenant.Uid;

    public static ValueTask<TenantCaller?> BindAsync(HttpContext context) => AuthenticatedCaller.Bind<TenantCaller>(context);
}
