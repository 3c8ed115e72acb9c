using Platform.Api.Errors;
using Platform.Api.Tenants;
using Platform.Grains.Keys;
using Platform.Grains.Tenants;
using Platform.Search.Errors;
using Platform.Search.Keys;
using Platform.Search.Rules;

namespace Platform.Api.Auth;

/// <summary>
/// Authenticates a tenant API key for one action, in Meilisearch's order for keys (docs/api-reference.md#authentication): the key
/// must exist, cover the index, hold the action and be unexpired; then its tenant must exist and be active.
/// The master key has no tenant and is refused here. Everything is checked on every call: nothing cached can
/// outlive a deleted key or a suspended tenant. Only a miss is cached (<see cref="UnknownKeyCache"/>), so a repeated
/// unknown value costs no grain call.
/// </summary>
internal sealed class TenantKeyAuthenticator(IGrainFactory grains, ApiKeySecrets secrets, UnknownKeyCache unknownKeys, AuthMetrics metrics, TimeProvider time)
{
    /// <summary>Key values are 64 lowercase hex characters; anything else is refused without a lookup.</summary>
    private const int KeyLength = 64;

    public async Task<TenantCaller> AuthenticateAsync(string bearer, string action, string? indexUid)
    {
        var key = await ResolveAsync(bearer) ?? throw CredentialRejection.Unknown(ApiError.InvalidApiKey());

        if (indexUid is not null && !IndexPattern.AnyMatches(key.Indexes, indexUid))
        {
            throw new ApiError(ErrorCodes.InvalidApiKey,
                $"The API key cannot acces the index `{indexUid}`, authorized indexes are {IndexPattern.FormatList(key.Indexes)}.");
        }

        if (!TenantActions.Grants(key.Actions, action) || key.IsExpiredAt(time.GetUtcNow()))
        {
            throw ApiError.InvalidApiKey();
        }

        // The lookup entry is verified against the authoritative record: a key its tenant does not list (a key
        // creation that failed half-way) does not authenticate.
        var tenant = await grains.GetGrain<ITenantGrain>(key.Tenant).Get() ?? throw ApiError.InvalidApiKey();
        if (!tenant.KeyUids.Contains(key.Uid)) throw ApiError.InvalidApiKey();
        if (tenant.Status == TenantStatus.Suspended)
        {
            throw new ApiError(ErrorCodes.TenantSuspended, $"Tenant `{tenant.Uid}` is suspended.");
        }

        return new TenantCaller(key, tenant);
    }

    /// <summary>The key a presented secret belongs to, or null (the master key included: it has no tenant).</summary>
    public async Task<ApiKeySnapshot?> ResolveAsync(string bearer)
    {
        ArgumentNullException.ThrowIfNull(bearer);
        if (bearer.Length != KeyLength || !IsLowerHex(bearer) || secrets.IsMasterKey(bearer)) return null;
        var fingerprint = ApiKeySecrets.Fingerprint(bearer);
        if (unknownKeys.Contains(fingerprint))
        {
            metrics.UnknownKeyCacheHit();
            return null;
        }

        var key = await grains.GetGrain<IApiKeyLookupGrain>(fingerprint).Resolve();
        if (key is null) unknownKeys.Add(fingerprint);
        return key;
    }

    private static bool IsLowerHex(string value)
    {
        foreach (var c in value)
        {
            if (c is not (>= '0' and <= '9' or >= 'a' and <= 'f')) return false;
        }

        return true;
    }
}
