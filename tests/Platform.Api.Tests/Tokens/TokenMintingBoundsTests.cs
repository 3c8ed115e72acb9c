using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Platform.Grains.Keys;
using Platform.Search.Keys;

namespace Platform.Api.Tests.Tokens;

/// <summary>
/// A minted token never reaches beyond the key that asks for it nor the key that signs it (docs/tenant-tokens.md),
/// and a key its tenant does not list never authenticates (docs/security.md#integrity).
/// </summary>
[Collection(TokenCollection.Name)]
public sealed class TokenMintingBoundsTests(TokenServerFixture fixture)
{
    private PlatformClient Client => fixture.Client;

    private Task<Reply> Mint(string tenant, object body, string? bearer = null) => Client.PostAsync($"/tenants/{tenant}/tokens", body, bearer);

    [Fact]
    public async Task A_minting_key_mints_only_within_its_own_indexes()
    {
        var w = await fixture.World();
        var tenant = await Client.CreateTenantAsync();
        await TokenWorld.NewKey(Client, tenant, ["search"], ["*"]);
        var nowhere = await TokenWorld.NewKey(Client, tenant, ["tokens.create"], []);
        var salesOnly = await TokenWorld.NewKey(Client, tenant, ["tokens.create"], [w.Sales]);

        (await Mint(tenant, new { searchRules = new[] { "*" } }, nowhere.Value)).ShouldFail(HttpStatusCode.Forbidden, "invalid_api_key");
        (await Mint(tenant, new { searchRules = new[] { w.Sales } }, nowhere.Value)).ShouldFail(HttpStatusCode.Forbidden, "invalid_api_key");
        (await Mint(tenant, new { searchRules = new[] { "*" } }, salesOnly.Value)).ShouldFail(HttpStatusCode.Forbidden, "invalid_api_key");
        (await Mint(tenant, new { searchRules = new[] { w.Sales[..^1] + "*" } }, salesOnly.Value)).ShouldFail(HttpStatusCode.Forbidden, "invalid_api_key");

        var token = (await Mint(tenant, new { searchRules = new[] { w.Sales } }, salesOnly.Value)).ShouldBe(HttpStatusCode.Created).Json!["token"]!.GetValue<string>();
        (await Client.SearchAsToken(SearchRoute.Post, w.Sales, token)).ShouldBe(HttpStatusCode.OK);
        (await Client.SearchAsToken(SearchRoute.Post, w.Products, token)).ShouldFail(HttpStatusCode.Forbidden, "invalid_api_key");
    }

    [Fact]
    public async Task The_signing_key_must_cover_the_rules()
    {
        var w = await fixture.World();
        var tenant = await Client.CreateTenantAsync();
        var productsSigner = await TokenWorld.NewKey(Client, tenant, ["search"], [w.Products]);

        (await Mint(tenant, new { searchRules = new[] { "*" }, apiKeyUid = productsSigner.Uid })).ShouldFail(HttpStatusCode.BadRequest, "invalid_token_api_key_uid");
        (await Mint(tenant, new { searchRules = new[] { w.Sales } })).ShouldFail(HttpStatusCode.NotFound, "api_key_not_found");
        var minted = (await Mint(tenant, new { searchRules = new[] { w.Products } })).ShouldBe(HttpStatusCode.Created).Json!;
        Assert.Equal(productsSigner.Uid, minted["apiKeyUid"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_key_record_its_tenant_does_not_list_does_not_authenticate()
    {
        var w = await fixture.World();
        var grains = fixture.Server.Services.GetRequiredService<IGrainFactory>();
        var secrets = fixture.Server.Services.GetRequiredService<ApiKeySecrets>();

        // What a key creation failing after the key and lookup writes, before the tenant's, used to leave behind.
        var uid = Guid.NewGuid();
        await grains.GetGrain<IApiKeyGrain>(uid).Create(w.TenantA, new ApiKeyDefinition(uid, null, null, ["*"], ["*"], null));
        (await Client.GetAsync($"/indexes/{w.Sales}/documents", secrets.KeyOf(uid))).ShouldFail(HttpStatusCode.Forbidden, "invalid_api_key");
        var token = Tokens.For(new TestKey(w.TenantA, secrets.KeyOf(uid), uid.ToString("D")), """["*"]""");
        (await Client.SearchAsToken(SearchRoute.Post, w.Sales, token)).ShouldFail(HttpStatusCode.Forbidden, "invalid_api_key");

        // The tenant's own listed key works on the same route.
        (await Client.GetAsync($"/indexes/{w.Sales}/documents", w.KeyA.Value)).ShouldBe(HttpStatusCode.OK);
    }
}
