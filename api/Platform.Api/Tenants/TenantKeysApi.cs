using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
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
        var group = routes.MapGroup("/tenants/{tenant}/keys").WithTags("Tenant keys").RequireMasterKey()
            .ProducesErrors(ErrorResponses.Authenticated);
        group.MapPost("", CreateKey).WithName(nameof(CreateKey))
            .WithSummary("Create a tenant key")
            .WithDescription("Meilisearch's key creation, for one tenant: actions, indexes, expiry. Answers 201 with the key and its secret.");
        group.MapGet("", ListKeys).WithName(nameof(ListKeys))
            .WithSummary("List a tenant's keys")
            .WithDescription("A page of the tenant's keys (`offset`, `limit`).");
        group.MapGet("/{key}", GetKey).WithName(nameof(GetKey))
            .WithSummary("Get a tenant key")
            .WithDescription("One key of the tenant, by uid or by key value; another tenant's key is `api_key_not_found`.");
        group.MapPatch("/{key}", UpdateKey).WithName(nameof(UpdateKey))
            .WithSummary("Update a tenant key")
            .WithDescription("Changes a key's name or description, as Meilisearch allows.");
        group.MapDelete("/{key}", DeleteKey).WithName(nameof(DeleteKey))
            .WithSummary("Delete a tenant key")
            .WithDescription("Deletes one key of the tenant; tokens it signed stop validating. Answers 204.");
        return group;
    }

    public static async Task<Created<ApiKeyView>> CreateKey(
        string tenant, HttpRequest request, IGrainFactory grains, ApiKeySecrets secrets, UnknownKeyCache unknownKeys, TimeProvider time)
    {
        await TenantsApi.Existing(grains, tenant);
        var body = await JsonBody.ReadObjectAsync(request, "api_key");
        var definition = ApiKeyRequests.ReadCreation(body, time.GetUtcNow());
        var key = await grains.GetGrain<ITenantGrain>(tenant).CreateKey(definition);
        unknownKeys.Forget(secrets.FingerprintOf(key.Uid)); // its value may have been tried before it existed
        return TypedResults.Created((string?)null, ApiKeyView.From(key, secrets.KeyOf(key.Uid)));
    }

    public static async Task<Ok<PageView<ApiKeyView>>> ListKeys(string tenant, HttpRequest request, IGrainFactory grains, ApiKeySecrets secrets)
    {
        await TenantsApi.Existing(grains, tenant);
        var page = PageQuery.Read(request, "api_key");
        var keys = await grains.GetGrain<ITenantGrain>(tenant).ListKeys();
        var results = keys.Skip(page.Offset).Take(page.Limit).Select(k => ApiKeyView.From(k, secrets.KeyOf(k.Uid))).ToList();
        return TypedResults.Ok(new PageView<ApiKeyView>(results, page.Offset, page.Limit, keys.Count));
    }

    public static async Task<Ok<ApiKeyView>> GetKey(string tenant, string key, IGrainFactory grains, ApiKeySecrets secrets)
    {
        var found = await Find(grains, secrets, tenant, key);
        return TypedResults.Ok(ApiKeyView.From(found, secrets.KeyOf(found.Uid)));
    }

    public static async Task<Ok<ApiKeyView>> UpdateKey(
        string tenant, string key, HttpRequest request, IGrainFactory grains, ApiKeySecrets secrets)
    {
        var found = await Find(grains, secrets, tenant, key);
        var body = await JsonBody.ReadObjectAsync(request, "api_key");
        var update = ApiKeyRequests.ReadUpdate(body);
        var updated = await grains.GetGrain<ITenantGrain>(tenant).UpdateKey(found.Uid, update);
        return TypedResults.Ok(ApiKeyView.From(updated, secrets.KeyOf(updated.Uid)));
    }

    public static async Task<NoContent> DeleteKey(string tenant, string key, IGrainFactory grains, ApiKeySecrets secrets)
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
