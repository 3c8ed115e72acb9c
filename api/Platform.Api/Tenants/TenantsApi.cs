using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Api.Auth;
using Platform.Api.Errors;
using Platform.Api.Json;
using Platform.Api.Tasks;
using Platform.Grains.Directory;
using Platform.Grains.Tenants;
using Platform.Search.Engine;
using Platform.Search.Errors;

namespace Platform.Api.Tenants;

/// <summary>Operator routes for tenants (docs/api-reference.md#tenants): <c>/tenants</c> and <c>/tenants/{uid}</c>.</summary>
internal static class TenantsApi
{
    public static RouteGroupBuilder MapTenantsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/tenants").WithTags("Tenants").RequireMasterKey()
            .ProducesErrors(ErrorResponses.Authenticated);
        group.MapPost("", CreateTenant).WithName(nameof(CreateTenant))
            .WithSummary("Create a tenant")
            .WithDescription("Creates a tenant with its uid, search rules, limits and status. Answers 201 with the tenant.");
        group.MapGet("", ListTenants).WithName(nameof(ListTenants))
            .WithSummary("List tenants")
            .WithDescription("A page of tenants (`offset`, `limit`).");
        group.MapGet("/{uid}", GetTenant).WithName(nameof(GetTenant))
            .WithSummary("Get a tenant")
            .WithDescription("One tenant by uid.");
        group.MapPatch("/{uid}", UpdateTenant).WithName(nameof(UpdateTenant))
            .WithSummary("Update a tenant")
            .WithDescription("Changes a tenant's search rules, limits or status (a suspended tenant's keys and tokens are refused).");
        group.MapDelete("/{uid}", DeleteTenant).WithName(nameof(DeleteTenant))
            .WithSummary("Delete a tenant")
            .WithDescription("Deletes a tenant and its keys. Answers 202 with a summarized task.");
        return group;
    }

    public static async Task<Created<TenantView>> CreateTenant(HttpRequest request, IGrainFactory grains)
    {
        var body = await JsonBody.ReadObjectAsync(request, "tenant");
        var (uid, changes) = TenantRequests.ReadCreation(body, Isolation.Attribute);
        var tenant = await grains.GetGrain<ITenantGrain>(uid).Create(changes);
        return TypedResults.Created((string?)null, TenantView.From(tenant));
    }

    public static async Task<Ok<PageView<TenantView>>> ListTenants(HttpRequest request, IGrainFactory grains)
    {
        var page = PageQuery.Read(request, "tenant");
        var uids = await grains.GetGrain<IDirectoryGrain>(ITenantGrain.DirectoryKey).List(page.Offset, page.Limit);
        var tenants = await Task.WhenAll(uids.Uids.Select(uid => grains.GetGrain<ITenantGrain>(uid).Get()));
        var results = tenants.OfType<TenantSnapshot>().Select(TenantView.From).ToList();
        return TypedResults.Ok(new PageView<TenantView>(results, page.Offset, page.Limit, uids.Total));
    }

    public static async Task<Ok<TenantView>> GetTenant(string uid, IGrainFactory grains) =>
        TypedResults.Ok(TenantView.From(await Existing(grains, uid)));

    public static async Task<Ok<TenantView>> UpdateTenant(string uid, HttpRequest request, IGrainFactory grains)
    {
        TenantUid.FromRoute(uid);
        var body = await JsonBody.ReadObjectAsync(request, "tenant");
        var changes = TenantRequests.ReadUpdate(body, Isolation.Attribute);
        var tenant = await grains.GetGrain<ITenantGrain>(uid).Update(changes);
        return TypedResults.Ok(TenantView.From(tenant));
    }

    public static async Task<Accepted<SummarizedTaskView>> DeleteTenant(string uid, IGrainFactory grains)
    {
        await Existing(grains, uid);
        var task = await grains.GetGrain<ITenantGrain>(uid).DeleteAsTask();
        return TaskResults.Accepted(task);
    }

    internal static async Task<TenantSnapshot> Existing(IGrainFactory grains, string uid) =>
        await grains.GetGrain<ITenantGrain>(TenantUid.FromRoute(uid)).Get()
        ?? throw new ApiError(ErrorCodes.TenantNotFound, $"Tenant `{uid}` not found.");
}
