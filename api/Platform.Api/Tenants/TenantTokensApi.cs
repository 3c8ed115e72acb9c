using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Api.Auth;
using Platform.Api.Errors;
using Platform.Api.Json;
using Platform.Api.OpenApi;
using Platform.Grains.Tenants;
using Platform.Search.Keys;

namespace Platform.Api.Tenants;

/// <summary>
/// <c>POST /tenants/{uid}/tokens</c> (docs/api-reference.md#mint-a-tenant-token): the tenant grain mints a tenant token. Callers: the master key,
/// or a key of that same tenant holding <c>tokens.create</c>; a key of another tenant, a key without the action and a
/// tenant token are all refused with <c>invalid_api_key</c>, before the body is read.
/// </summary>
internal static class TenantTokensApi
{
    public static RouteGroupBuilder MapTenantTokensApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/tenants/{tenant}/tokens").WithTags("Tenant tokens")
            .Accepts(Credentials.MasterKey, Credentials.TenantKey)
            .ProducesErrors(ErrorResponses.Authenticated);
        group.MapPost("", CreateToken).WithName(nameof(CreateToken))
            .WithSummary("Mint a tenant token")
            .WithDescription("Mints a tenant token signed by one of the tenant's keys; equal requests reuse a fresh token. Callers: the master key, or a key of the same tenant holding `tokens.create`.");
        return group;
    }

    public static async Task<Created<MintedTokenView>> CreateToken(
        string tenant, HttpContext context, IGrainFactory grains, ApiKeySecrets secrets, TenantKeyAuthenticator keys, TimeProvider time)
    {
        var bearer = BearerToken.Extract(context.Request);
        if (secrets.IsMasterKey(bearer))
        {
            await TenantsApi.Existing(grains, tenant);
        }
        else
        {
            var caller = await keys.AuthenticateAsync(context, TenantActions.TokensCreate, indexUid: null);
            if (!string.Equals(caller.TenantUid, tenant, StringComparison.Ordinal)) throw ApiError.InvalidApiKey();
        }

        TokenRequests.LimitBody(context.Request);
        var body = await JsonBody.ReadObjectAsync(context.Request, "token");
        var request = TokenRequests.Read(body, time.GetUtcNow());
        var minted = await grains.GetGrain<ITenantGrain>(tenant).MintToken(request);
        return TypedResults.Created((string?)null,
            new MintedTokenView(minted.Token, minted.ApiKeyUid, Rfc3339.Format(minted.ExpiresAt)));
    }
}

/// <summary>The answer of <c>POST /tenants/{uid}/tokens</c>.</summary>
internal sealed record MintedTokenView(string Token, Guid ApiKeyUid, string ExpiresAt);
