using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Api.Auth;
using Platform.Api.Errors;
using Platform.Api.Json;
using System.Text;
using Platform.Grains.Keys;
using Platform.Grains.Tenants;
using Platform.Search.Errors;
using Platform.Search.Rules;

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
            .RequireMasterOrTenantKey(TenantActions.TokensCreate, tenantRouteValue: "tenant")
            .ProducesErrors(ErrorResponses.Authenticated);
        group.MapPost("", CreateToken).WithName(nameof(CreateToken))
            .WithSummary("Mint a tenant token")
            .WithDescription("Mints a tenant token signed by one of the tenant's keys; equal requests reuse a fresh token. Callers: the master key, or a key of the same tenant holding `tokens.create`.");
        return group;
    }

    public static async Task<Created<MintedTokenView>> CreateToken(
        string tenant, HttpContext context, IGrainFactory grains, OperatorOrTenantCaller caller, TimeProvider time)
    {
        // A tenant key was checked against this tenant; the operator may name a tenant that does not exist.
        if (caller.Tenant is null) await TenantsApi.Existing(grains, tenant);

        TokenRequests.LimitBody(context.Request);
        var body = await JsonBody.ReadObjectAsync(context.Request, "token");
        var request = TokenRequests.Read(body, time.GetUtcNow());
        if (caller.Tenant is { } key) RequireCoveredByMintingKey(key.Key, request);
        var minted = await grains.GetGrain<ITenantGrain>(tenant).MintToken(request);
        return TypedResults.Created((string?)null,
            new MintedTokenView(minted.Token, minted.ApiKeyUid, Rfc3339.Format(minted.ExpiresAt)));
    }

    /// <summary>
    /// A key mints only within its own <c>indexes</c>: a token whose rules name an index pattern the minting key does
    /// not cover is refused, whichever key signs it (docs/tenant-tokens.md). Rules that do not parse are left to the
    /// tenant grain, which reports them.
    /// </summary>
    private static void RequireCoveredByMintingKey(ApiKeySnapshot mintingKey, TokenRequest request)
    {
        if (!SearchRules.TryParse(Encoding.UTF8.GetBytes(request.SearchRulesJson), out var rules, out _)) return;
        if (IndexPatternCoverage.FirstUncovered(mintingKey.Indexes, rules) is { } outside)
        {
            throw new ApiError(ErrorCodes.InvalidApiKey,
                $"The API key cannot mint tokens for `{outside.Raw}`, authorized indexes are {IndexPattern.FormatList(mintingKey.Indexes)}.");
        }
    }
}

/// <summary>The answer of <c>POST /tenants/{uid}/tokens</c>.</summary>
internal sealed record MintedTokenView(string Token, Guid ApiKeyUid, string ExpiresAt);
