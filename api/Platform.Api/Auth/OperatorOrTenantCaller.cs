using Microsoft.AspNetCore.Http;

namespace Platform.Api.Auth;

/// <summary>A request by the master key (<see cref="Tenant"/> null) or by a tenant key (<see cref="MasterOrTenantKeyAccess"/>).</summary>
internal sealed record OperatorOrTenantCaller(TenantCaller? Tenant)
{
    public static OperatorOrTenantCaller Operator { get; } = new(Tenant: null);

    /// <summary>Null for the operator, who sees everything.</summary>
    public string? TenantUid => Tenant?.TenantUid;

    public static ValueTask<OperatorOrTenantCaller?> BindAsync(HttpContext context) => AuthenticatedCaller.Bind<OperatorOrTenantCaller>(context);
}
