using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Grains.Tasks;
using Platform.Api.Auth;
using Platform.Api.Errors;
using Platform.Api.Json;
using Platform.Api.Tasks;
using Platform.Grains.Directory;
using Platform.Grains.Tenants;
using Platform.Search.Engine;
using Platform.Search.Errors;

namespace Platform.Api.Tenants;

/// <summary>Operator routes for tenants (api.md §5): <c>/tenants</c> and <c>/tenants/{uid}</c>.</summary>
internal static class TenantsApi
{
    public static RouteGroupBuilder MapTenantsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/tenants").WithTags("Tenants").RequireMasterKey();
        group.MapPost("", CreateTenant).WithName(nameof(CreateTenant));
        group.MapGet("", ListTenants).WithName(nameof(ListTenants));
        group.MapGet("/{uid}", GetTenant).WithName(nameof(GetTenant));
        group.MapPatch("/{uid}", UpdateTenant).WithName(nameof(UpdateTenant));
        group.MapDelete("/{uid}", DeleteTenant).WithName(nameof(DeleteTenant));
        return group;
    }

    public static async Task<IResult> CreateTenant(HttpRequest request, IGrainFactory grains)
    {
        var body = await JsonBody.ReadObjectAsync(request, "tenant");
        var (uid, changes) = TenantRequests.ReadCreation(body, Isolation.Attribute);
        var tenant = await grains.GetGrain<ITenantGrain>(uid).Create(changes);
        return TypedResults.Json(TenantView.From(tenant), ApiJson.Options, statusCode: StatusCodes.Status201Created);
    }

    public static async Task<IResult> ListTenants(HttpRequest request, IGrainFactory grains)
    {
        var page = PageQuery.Read(request, "tenant");
        var uids = await grains.GetGrain<IDirectoryGrain>(ITenantGrain.DirectoryKey).List(page.Offset, page.Limit);
        var tenants = await Task.WhenAll(uids.Uids.Select(uid => grains.GetGrain<ITenantGrain>(uid).Get()));
        var results = tenants.OfType<TenantSnapshot>().Select(TenantView.From).ToList();
        return TypedResults.Json(new PageView<TenantView>(results, page.Offset, page.Limit, uids.Total), ApiJson.Options);
    }

    public static async Task<IResult> GetTenant(string uid, IGrainFactory grains) =>
        TypedResults.Json(TenantView.From(await Existing(grains, uid)), ApiJson.Options);

    public static async Task<IResult> UpdateTenant(string uid, HttpRequest request, IGrainFactory grains)
    {
        TenantUid.FromRoute(uid);
        var body = await JsonBody.ReadObjectAsync(request, "tenant");
        var changes = TenantRequests.ReadUpdate(body, Isolation.Attribute);
        var tenant = await grains.GetGrain<ITenantGrain>(uid).Update(changes);
        return TypedResults.Json(TenantView.From(tenant), ApiJson.Options);
    }

    public static async Task<IResult> DeleteTenant(string uid, IGrainFactory grains, TaskRunner tasks)
    {
        var tenant = await Existing(grains, uid);
        var task = await tasks.RunAsync(owner: null, indexUid: null, "tenantDeletion", async () =>
        {
            await grains.GetGrain<ITenantGrain>(uid).Delete();
            return new { tenantUid = uid, deletedKeys = tenant.KeyUids.Count };
        });
        return TaskResults.Accepted(task);
    }

    internal static async Task<TenantSnapshot> Existing(IGrainFactory grains, string uid) =>
        await grains.GetGrain<ITenantGrain>(TenantUid.FromRoute(uid)).Get()
        ?? throw new ApiError(ErrorCodes.TenantNotFound, $"Tenant `{uid}` not found.");
}
