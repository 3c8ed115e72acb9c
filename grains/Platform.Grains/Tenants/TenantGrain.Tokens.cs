using System.Globalization;
using System.Text;
using Platform.Grains.Errors;
using Platform.Grains.Keys;
using Platform.Search.Engine;
using Platform.Search.Errors;
using Platform.Search.Rules;
using Platform.Search.Tokens;

namespace Platform.Grains.Tenants;

/// <summary>
/// Server-side minting (docs/api-reference.md#mint-a-tenant-token). The signing key's value is derived from the master key when needed
/// (<see cref="Search.Keys.ApiKeySecrets.KeyOf"/>) and never kept; minted tokens live only in
/// <see cref="TenantTokenCache"/>, in memory.
/// </summary>
internal sealed partial class TenantGrain
{
    public async Task<MintedToken> MintToken(TokenRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        EnsureActive();

        // Rules first, as strictly as tenant rules: every filter must parse and none may name the isolation attribute.
        if (!SearchRules.TryParse(Encoding.UTF8.GetBytes(request.SearchRulesJson), out var rules, out var error))
        {
            throw new PlatformException(ErrorCodes.InvalidSearchRules, $"Invalid search rules: {error}.");
        }

        if (SearchRulesValidation.Validate(rules, Isolation.Attribute) is { } failure)
        {
            throw new PlatformException(failure.Code, failure.Message);
        }

        var now = time.GetUtcNow();
        var (requestedExpiry, lifetime) = RequestedExpiry(request, now);
        var key = await SigningKey(request.ApiKeyUid, rules, now);

        var cacheKey = new TenantTokenCache.Key(rules.ToCanonicalJson(), request.Subject, key.Uid, lifetime);
        if (_mintedTokens.Find(cacheKey, now) is { } cached) return cached;

        // A token never outlives its key: the key stops its tokens at its own expiry anyway, and an exp beyond it
        // would only mislead the caller about how long the token works.
        var exp = requestedExpiry.ToUnixTimeSeconds();
        if (key.ExpiresAt is { } keyExpiry) exp = Math.Min(exp, keyExpiry.ToUnixTimeSeconds());

        string token;
        try
        {
            token = new TenantTokenMinter(time).Mint(new TenantTokenMintRequest(secrets.KeyOf(key.Uid), key.Uid.ToString("D"), rules)
            {
                ExpiresAt = exp,
                IncludeIssuedAt = true,
                Subject = request.Subject,
            });
        }
        catch (ArgumentException e)
        {
            throw new PlatformException(ErrorCodes.InvalidTokenRequest, e.Message);
        }

        var minted = new MintedToken(token, key.Uid, DateTimeOffset.FromUnixTimeSeconds(exp),
            DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds()));
        _mintedTokens.Add(cacheKey, minted, now);
        return minted;
    }

    /// <summary>The requested expiry and a text naming the requested lifetime (part of the reuse key).</summary>
    private (DateTimeOffset Expiry, string Lifetime) RequestedExpiry(TokenRequest request, DateTimeOffset now)
    {
        var options = tokenOptions.Value;
        if (request.ExpiresAt is not null && request.TtlSeconds is not null)
        {
            throw new PlatformException(ErrorCodes.InvalidTokenExpiresAt, "Give either `expiresAt` or `ttlSeconds`, not both.");
        }

        if (request.ExpiresAt is { } at)
        {
            if (at <= now)
            {
                throw new PlatformException(ErrorCodes.InvalidTokenExpiresAt, "`expiresAt` must be a date in the future.");
            }

            if (at - now > options.MaxLifetime)
            {
                throw new PlatformException(ErrorCodes.InvalidTokenExpiresAt,
                    $"`expiresAt` is too far ahead: a token may live at most {(long)options.MaxLifetime.TotalSeconds} seconds.");
            }

            return (at, "at:" + at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        }

        if (request.TtlSeconds is { } ttl)
        {
            if (ttl <= 0 || ttl > options.MaxLifetime.TotalSeconds)
            {
                throw new PlatformException(ErrorCodes.InvalidTokenTtlSeconds,
                    $"`ttlSeconds` must be between 1 and {(long)options.MaxLifetime.TotalSeconds}.");
            }

            return (now.AddSeconds(ttl), "ttl:" + ttl.ToString(CultureInfo.InvariantCulture));
        }

        return (now + options.DefaultLifetime, "default");
    }

    /// <summary>
    /// The requested key, which must be this tenant's, hold <c>search</c>, be unexpired and cover every index pattern
    /// of the rules (a token never reaches beyond its signing key); or else the tenant's newest such key (by creation
    /// time, then by order of creation).
    /// </summary>
    private async Task<ApiKeySnapshot> SigningKey(Guid? requested, SearchRules rules, DateTimeOffset now)
    {
        if (requested is { } uid)
        {
            var key = state.State.KeyUids.Contains(uid) ? await grains.GetGrain<IApiKeyGrain>(uid).Get() : null;
            if (key is null || key.Tenant != Uid)
            {
                throw new PlatformException(ErrorCodes.ApiKeyNotFound, $"API key `{uid}` not found.");
            }

            if (!CanSign(key, now))
            {
                throw new PlatformException(ErrorCodes.InvalidTokenApiKeyUid,
                    $"API key `{uid}` cannot sign tenant tokens: it must hold the `search` action and not be expired.");
            }

            return IndexPatternCoverage.FirstUncovered(key.Indexes, rules) is { } outside
                ? throw new PlatformException(ErrorCodes.InvalidTokenApiKeyUid,
                    $"API key `{uid}` cannot sign these search rules: its indexes {IndexPattern.FormatList(key.Indexes)} do not cover `{outside.Raw}`.")
                : key;
        }

        var uids = state.State.KeyUids.ToArray();
        var keys = await Task.WhenAll(uids.Select(k => grains.GetGrain<IApiKeyGrain>(k).Get()));
        var signers = keys
            .Select((key, position) => (Key: key, Position: position))
            .Where(k => k.Key is not null && k.Key.Tenant == Uid && CanSign(k.Key, now))
            .ToList();
        if (signers.Count == 0)
        {
            throw new PlatformException(ErrorCodes.ApiKeyNotFound,
                $"Tenant `{Uid}` has no unexpired API key with the `search` action to sign tenant tokens with.");
        }

        return signers
            .Where(k => IndexPatternCoverage.FirstUncovered(k.Key!.Indexes, rules) is null)
            .OrderByDescending(k => k.Key!.CreatedAt).ThenByDescending(k => k.Position)
            .Select(k => k.Key!)
            .FirstOrDefault()
            ?? throw new PlatformException(ErrorCodes.ApiKeyNotFound,
                $"Tenant `{Uid}` has no API key able to sign tokens for these search rules: no key with the `search` action covers all of {rules.FormatPatternList()}.");
    }

    private static bool CanSign(ApiKeySnapshot key, DateTimeOffset now) =>
        !key.IsExpiredAt(now) && key.Actions.Any(a => a is "*" or "search");
}
