using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Api.Auth;
using Platform.Api.Errors;
using Platform.Api.Json;
using Platform.Grains.Keys;
using Platform.Grains.Tenants;
using Platform.Search.Errors;
using Platform.Search.Keys;

namespace Platform.Api.Tenants;

/// <summary>
/// Operator routes for a tenant's API keys: Meilisearch's <c>/keys</c> routes, limited to one tenant. A key of
/// another tenant is reported as not found, by uid and by value alike.
/// </summary>
internal static class TenantKeysApi
{
    public static RouteGroupBuilder MapTenantKeysApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/tenants/{tenant}/keys").WithTags("Tenant keys").RequireMasterKey();
        group.MapPost("", CreateKey).WithName(nameof(CreateKey));
        group.MapGet("", ListKeys).WithName(nameof(ListKeys));
        group.MapGet("/{key}", GetKey).WithName(nameof(GetKey));
        group.MapPatch("/{key}", UpdateKey).WithName(nameof(UpdateKey));
        group.MapDelete("/{key}", DeleteKey).WithName(nameof(DeleteKey));
        return group;
    }

    public static async Task<IResult> CreateKey(
        string tenant, HttpRequest request, IGrainFactory grains, ApiKeySecrets secrets, TimeProvider time)
    {
        await TenantsApi.Existing(grains, tenant);
        var body = await JsonBody.ReadObjectAsync(request, "api_key");
        var definition = ApiKeyRequests.ReadCreation(body, time.GetUtcNow());
        var key = await grains.GetGrain<ITenantGrain>(tenant).CreateKey(definition);
        return TypedResults.Json(ApiKeyView.From(key, secrets.KeyOf(key.Uid)), ApiJson.Options,
            statusCode: StatusCodes.Status201Created);
    }

    public static async Task<IResult> ListKeys(string tenant, HttpRequest request, IGrainFactory grains, ApiKeySecrets secrets)
    {
        await TenantsApi.Existing(grains, tenant);
        var page = PageQuery.Read(request, "api_key");
        var keys = await grains.GetGrain<ITenantGrain>(tenant).ListKeys();
        var results = keys.Skip(page.Offset).Take(page.Limit).Select(k => ApiKeyView.From(k, secrets.KeyOf(k.Uid))).ToList();
        return TypedResults.Json(new PageView<ApiKeyView>(results, page.Offset, page.Limit, keys.Count), ApiJson.Options);
    }

    public static async Task<IResult> GetKey(string tenant, string key, IGrainFactory grains, ApiKeySecrets secrets)
    {
        var found = await Find(grains, secrets, tenant, key);
        return TypedResults.Json(ApiKeyView.From(found, secrets.KeyOf(found.Uid)), ApiJson.Options);
    }

    public static async Task<IResult> UpdateKey(
        string tenant, string key, HttpRequest request, IGrainFactory grains, ApiKeySecrets secrets)
    {
        var found = await Find(grains, secrets, tenant, key);
        var body = await JsonBody.ReadObjectAsync(request, "api_key");
        var update = ApiKeyRequests.ReadUpdate(body);
        var updated = await grains.GetGrain<IApiKeyGrain>(found.Uid).Update(update);
        return TypedResults.Json(ApiKeyView.From(updated, secrets.KeyOf(updated.Uid)), ApiJson.Options);
    }

    public static async Task<IResult> DeleteKey(string tenant, string key, IGrainFactory grains, ApiKeySecrets secrets)
    {
        var found = await Find(grains, secrets, tenant, key);
        await grains.GetGrain<ITenantGrain>(tenant).DeleteKey(found.Uid);
        return TypedResults.NoContent();
    }

    /// <summary>Resolves a key uid or key value to a key of <paramref name="tenant"/>, or 404.</summary>
    private static async Task<ApiKeySnapshot> Find(IGrainFactory grains, ApiKeySecrets secrets, string tenant, string uidOrKey)
    {
        await TenantsApi.Existing(grains, tenant);
        var key = Guid.TryParse(uidOrKey, out var uid)
            ? await grains.GetGrain<IApiKeyGrain>(uid).Get()
            : await grains.GetGrain<IApiKeyLookupGrain>(ApiKeySecrets.Fingerprint(uidOrKey)).Resolve();
        return key is not null && key.Tenant == tenant
            ? key
            : throw new ApiError(ErrorCodes.ApiKeyNotFound, $"API key `{uidOrKey}` not found.");
    }
}
