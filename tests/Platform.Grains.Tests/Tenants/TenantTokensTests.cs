using Platform.Grains.Errors;
using Platform.Grains.Keys;
using Platform.Grains.Tenants;
using Platform.Search.Errors;
using Platform.Search.Tokens;

namespace Platform.Grains.Tests.Tenants;

/// <summary>Minting through the tenant grain on the two-silo cluster, with the fixture's fake clock.</summary>
[Collection(ClusterCollection.Name)]
public sealed class TenantTokensTests(ClusterFixture fixture)
{
    private static string NewUid() => "t-" + Guid.NewGuid().ToString("N")[..12];

    private async Task<(ITenantGrain Tenant, Guid KeyUid)> NewTenant(string[]? actions = null)
    {
        var tenant = fixture.Grains.GetGrain<ITenantGrain>(NewUid());
        await tenant.Create(new TenantChanges());
        var key = await tenant.CreateKey(new ApiKeyDefinition(Guid.NewGuid(), null, null, actions ?? ["search"], ["*"], null));
        return (tenant, key.Uid);
    }

    [Fact]
    public async Task An_equal_request_gets_the_same_token_until_the_refresh_point()
    {
        var (tenant, keyUid) = await NewTenant();
        var request = new TokenRequest("""{"sales":{"filter":"color = blue"}}""", Subject: "u1", TtlSeconds: 100);

        var first = await tenant.MintToken(request);
        Assert.Equal(keyUid, first.ApiKeyUid);
        Assert.Equal(fixture.Time.GetUtcNow().ToUnixTimeSeconds() + 100, first.ExpiresAt.ToUnixTimeSeconds());

        // Same rules written differently are the same rules.
        Assert.Equal(first, await tenant.MintToken(request with { SearchRulesJson = """{ "sales" : { "filter" : "color = blue", "x": 1 } }""" }));
        fixture.Time.Advance(TimeSpan.FromSeconds(49));
        Assert.Equal(first.Token, (await tenant.MintToken(request)).Token);

        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        var second = await tenant.MintToken(request);
        Assert.NotEqual(first.Token, second.Token);
        Assert.Equal(fixture.Time.GetUtcNow().ToUnixTimeSeconds(), second.IssuedAt.ToUnixTimeSeconds());
        Assert.Equal(second, await tenant.MintToken(request));
    }

    [Fact]
    public async Task Minted_tokens_verify_with_the_keys_derived_value()
    {
        var (tenant, keyUid) = await NewTenant();
        var minted = await tenant.MintToken(new TokenRequest("""["*"]""", Subject: "who"));

        var verified = Assert.IsType<TenantTokenVerification.Verified>(new TenantTokenVerifier(fixture.Time).Verify(minted.Token, fixture.Secrets.KeyOf));
        Assert.Equal(keyUid, verified.Claims.ApiKeyUid);
        Assert.Equal("who", verified.Claims.Sub);
        Assert.Equal(fixture.Time.GetUtcNow().ToUnixTimeSeconds(), verified.Claims.Iat);
        Assert.Equal(fixture.Time.GetUtcNow().AddHours(1).ToUnixTimeSeconds(), verified.Claims.Exp);
    }

    [Fact]
    public async Task Deleting_a_key_drops_its_cached_tokens_and_the_uid_never_comes_back()
    {
        var (tenant, keyUid) = await NewTenant();
        var request = new TokenRequest("""["*"]""", ApiKeyUid: keyUid);
        await tenant.MintToken(request);

        Assert.True(await tenant.DeleteKey(keyUid));
        var missing = await Assert.ThrowsAsync<PlatformException>(() => tenant.MintToken(request));
        Assert.Equal(ErrorCodes.ApiKeyNotFound, missing.Code);

        // Same uid, same master key: same secret, so the uid is a tombstone (docs/security.md#key-uids): it cannot
        // be created again, and nothing is minted under it.
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        var reused = await Assert.ThrowsAsync<PlatformException>(
            () => tenant.CreateKey(new ApiKeyDefinition(keyUid, null, null, ["search"], ["*"], null)));
        Assert.Equal(ErrorCodes.ApiKeyAlreadyExists, reused.Code);
        Assert.Equal(ErrorCodes.ApiKeyNotFound, (await Assert.ThrowsAsync<PlatformException>(() => tenant.MintToken(request))).Code);
    }

    [Fact]
    public async Task Rules_are_checked_first_and_keys_must_be_able_to_sign()
    {
        var (tenant, keyUid) = await NewTenant(["documents.get"]);

        Assert.Equal("invalid_search_rules", (await Assert.ThrowsAsync<PlatformException>(() => tenant.MintToken(new TokenRequest("\"x\"")))).Code);
        Assert.Equal("invalid_search_rules", (await Assert.ThrowsAsync<PlatformException>(
            () => tenant.MintToken(new TokenRequest("""{"i":{"filter":"a = "}}""")))).Code);
        Assert.Equal("reserved_attribute", (await Assert.ThrowsAsync<PlatformException>(
            () => tenant.MintToken(new TokenRequest("""{"i":{"filter":"_tenant = 1"}}""")))).Code);
        Assert.Equal(ErrorCodes.ApiKeyNotFound, (await Assert.ThrowsAsync<PlatformException>(() => tenant.MintToken(new TokenRequest("[\"*\"]")))).Code);
        Assert.Equal("invalid_token_api_key_uid", (await Assert.ThrowsAsync<PlatformException>(
            () => tenant.MintToken(new TokenRequest("[\"*\"]", ApiKeyUid: keyUid)))).Code);

        var (other, otherKey) = await NewTenant();
        Assert.Equal(ErrorCodes.ApiKeyNotFound, (await Assert.ThrowsAsync<PlatformException>(
            () => tenant.MintToken(new TokenRequest("[\"*\"]", ApiKeyUid: otherKey)))).Code);
        Assert.Equal("invalid_token_expires_at", (await Assert.ThrowsAsync<PlatformException>(
            () => other.MintToken(new TokenRequest("[\"*\"]", ExpiresAt: fixture.Time.GetUtcNow())))).Code);
        Assert.Equal("invalid_token_ttl_seconds", (await Assert.ThrowsAsync<PlatformException>(
            () => other.MintToken(new TokenRequest("[\"*\"]", TtlSeconds: 0)))).Code);
    }

    [Fact]
    public async Task A_suspended_or_missing_tenant_mints_nothing()
    {
        var (tenant, _) = await NewTenant();
        await tenant.Update(new TenantChanges(Status: TenantStatus.Suspended));
        Assert.Equal("tenant_suspended", (await Assert.ThrowsAsync<PlatformException>(() => tenant.MintToken(new TokenRequest("[\"*\"]")))).Code);
        Assert.Equal(ErrorCodes.TenantNotFound, (await Assert.ThrowsAsync<PlatformException>(
            () => fixture.Grains.GetGrain<ITenantGrain>(NewUid()).MintToken(new TokenRequest("[\"*\"]")))).Code);
    }
}
