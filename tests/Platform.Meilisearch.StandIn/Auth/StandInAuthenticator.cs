using Microsoft.AspNetCore.Http;
using Platform.Api.Auth;
using Platform.Api.Errors;
using Platform.Search.Errors;
using Platform.Search.Keys;
using Platform.Search.Rules;
using Platform.Search.Tokens;

namespace Platform.Meilisearch.StandIn.Auth;

/// <summary>
/// Meilisearch's authentication: the master key may do everything; an API key needs the route's action, must cover
/// the route's index and must not have expired; on search routes a bearer with three segments is a tenant token,
/// decided in Meilisearch's order (decode, signature with the derived value of its <c>apiKeyUid</c>, expiry, parent
/// key exists, token rules cover the index, key covers the index, key holds <c>search</c> and is unexpired).
/// </summary>
internal sealed class StandInAuthenticator(KeyStore keys, StandInSecrets secrets, TimeProvider time)
{
    private readonly TenantTokenVerifier _tokens = new(time);

    /// <summary>Authenticates a route that needs <paramref name="action"/>, on <paramref name="indexUid"/> when it names one.</summary>
    public StandInCaller Authenticate(HttpContext context, string action, string? indexUid)
    {
        var bearer = BearerToken.Extract(context.Request);
        if (ApiKeyDerivation.Matches(bearer, secrets.MasterKey)) return StandInCaller.Master;
        if (action == StandInActions.Search && TryToken(bearer, indexUid) is { } tokenCaller) return tokenCaller;

        var key = keys.FindByValue(bearer) ?? throw ApiError.InvalidApiKey();
        if (!key.Grants(action) || key.IsExpiredAt(time.GetUtcNow())
            || (indexUid is not null && !IndexPattern.AnyMatches(key.Indexes, indexUid)))
        {
            throw ApiError.InvalidApiKey();
        }

        return new StandInCaller(key, null);
    }

    private StandInCaller? TryToken(string bearer, string? indexUid)
    {
        switch (_tokens.Verify(bearer, uid => ApiKeyDerivation.DeriveKey(secrets.MasterKey, uid)))
        {
            case TenantTokenVerification.NotAToken:
                return null;
            case TenantTokenVerification.DecodeError error:
                throw new ApiError(ErrorCodes.InvalidApiKey, error.Message);
            case TenantTokenVerification.Expired expired:
                throw new ApiError(ErrorCodes.InvalidApiKey, expired.Message);
            case TenantTokenVerification.Verified verified:
                return Authorize(verified.Claims, indexUid);
            default:
                throw ApiError.InvalidApiKey();
        }
    }

    private StandInCaller Authorize(TenantTokenClaims claims, string? indexUid)
    {
        var key = keys.Find(claims.ApiKeyUid) ?? throw ApiError.InvalidApiKey();
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

        if (!key.Grants(StandInActions.Search) || key.IsExpiredAt(time.GetUtcNow()))
        {
            throw ApiError.InvalidApiKey();
        }

        return new StandInCaller(key, claims.SearchRules);
    }
}
