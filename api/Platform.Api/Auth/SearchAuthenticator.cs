using Platform.Api.Errors;
using Platform.Api.Tenants;
using Platform.Grains.Keys;
using Platform.Grains.Tenants;
using Platform.Search.Errors;
using Platform.Search.Keys;
using Platform.Search.Rules;
using Platform.Search.Tokens;

namespace Platform.Api.Auth;

/// <summary>
/// Authenticates the search routes, the only routes where a tenant token is honoured (docs/api-reference.md#authentication), in Meilisearch's
/// decision order (docs/tenant-tokens.md#the-decision-order): a bearer with fewer than three segments is an API key; otherwise it is decoded, its
/// signature checked against the derived key of its <c>apiKeyUid</c>, its expiry checked, then the parent key must
/// exist, cover the index (token message first, then key message), hold <c>search</c> and be unexpired. Then the
/// tenant must be active. The master key has no tenant and is refused.
/// A token verified before is taken from <see cref="ValidatedTokenCache"/> instead of being decoded and HMAC-checked
/// again; everything from the parent key on is checked on every call either way.
/// </summary>
internal sealed class SearchAuthenticator(
    TenantKeyAuthenticator keys,
    TenantTokenVerifier tokens,
    ApiKeySecrets secrets,
    ValidatedTokenCache verifiedTokens,
    IGrainFactory grains,
    TimeProvider time)
{
    public async Task<SearchCaller> AuthenticateAsync(string bearer, string? indexUid)
    {
        ArgumentNullException.ThrowIfNull(bearer);
        if (secrets.IsMasterKey(bearer)) throw ApiError.InvalidApiKey();
        if (bearer.Contains('.', StringComparison.Ordinal) && verifiedTokens.TryGet(bearer, out var cached))
        {
            return await AuthorizeTokenAsync(cached, indexUid);
        }

        switch (tokens.Verify(bearer, secrets.KeyOf))
        {
            case TenantTokenVerification.NotAToken:
                var caller = await keys.AuthenticateAsync(bearer, TenantActions.Search, indexUid);
                return new SearchCaller(caller.TenantUid, caller.Key, TokenRules: null);
            case TenantTokenVerification.DecodeError error:
                throw CredentialRejection.Unknown(new ApiError(ErrorCodes.InvalidApiKey, error.Message));
            case TenantTokenVerification.Expired expired:
                throw new ApiError(ErrorCodes.InvalidApiKey, expired.Message);
            case TenantTokenVerification.Verified verified:
                verifiedTokens.Add(bearer, verified.Claims);
                return await AuthorizeTokenAsync(verified.Claims, indexUid);
            default:
                throw ApiError.InvalidApiKey();
        }
    }

    private async Task<SearchCaller> AuthorizeTokenAsync(TenantTokenClaims claims, string? indexUid)
    {
        var key = await grains.GetGrain<IApiKeyGrain>(claims.ApiKeyUid).Get() ?? throw ApiError.InvalidApiKey();
        if (indexUid is not null)
        {
            if (!claims.SearchRules.Authorizes(indexUid))
            {
                throw new ApiError(ErrorCodes.InvalidApiKey,
                    $"The provided tenant token cannot acces the index `{indexUid}`, allowed indexes are {claims.SearchRules.FormatPatternList()}.");
            }

            if (!IndexPattern.AnyMatches(key.Indexes, indexUid))
            {
                throw new ApiError(ErrorCodes.InvalidApiKey,
                    $"The API key used to generate this tenant token cannot acces the index `{indexUid}`.");
            }
        }

        if (!TenantActions.Grants(key.Actions, TenantActions.Search) || key.IsExpiredAt(time.GetUtcNow()))
        {
            throw ApiError.InvalidApiKey();
        }

        // As for keys: a key its tenant does not list (a creation that failed half-way) signs nothing.
        var tenant = await grains.GetGrain<ITenantGrain>(key.Tenant).Get() ?? throw ApiError.InvalidApiKey();
        if (!tenant.KeyUids.Contains(key.Uid)) throw ApiError.InvalidApiKey();
        if (tenant.Status == TenantStatus.Suspended)
        {
            throw new ApiError(ErrorCodes.TenantSuspended, $"Tenant `{tenant.Uid}` is suspended.");
        }

        return new SearchCaller(tenant.Uid, key, claims.SearchRules);
    }
}
