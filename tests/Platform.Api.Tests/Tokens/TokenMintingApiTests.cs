using System.Net;
using System.Text.Json.Nodes;

namespace Platform.Api.Tests.Tokens;

/// <summary><c>POST /tenants/{uid}/tokens</c> (docs/api-reference.md#mint-a-tenant-token) over HTTP, on the fixture's fake clock.</summary>
[Collection(TokenCollection.Name)]
public sealed class TokenMintingApiTests(TokenServerFixture fixture)
{
    private const string Invalid = "The provided API key is invalid.";

    private PlatformClient Client => fixture.Client;

    private async Task<(string Tenant, TestKey Key)> NewTenant(params string[] actions)
    {
        var tenant = await Client.CreateTenantAsync();
        var key = await TokenWorld.NewKey(Client, tenant, actions.Length == 0 ? ["search"] : actions, ["*"]);
        return (tenant, key);
    }

    private Task<Reply> Mint(string tenant, object body, string? bearer = null) => Client.PostAsync($"/tenants/{tenant}/tokens", body, bearer);

    [Fact]
    public async Task Master_mints_a_Meilisearch_token_with_iat_and_sub_that_searches_with_its_rules()
    {
        var w = await fixture.World();
        var rules = JsonNode.Parse(w.Rules("""{"{sales}": {"filter": "color = blue"}}"""));

        var reply = (await Mint(w.TenantA, new { searchRules = rules, subject = "user-42", apiKeyUid = w.KeyA.Uid }))
            .ShouldBe(HttpStatusCode.Created).Json!.AsObject();

        Assert.Equal(["token", "apiKeyUid", "expiresAt"], reply.Select(p => p.Key).ToArray());
        Assert.Equal(w.KeyA.Uid, reply["apiKeyUid"]!.GetValue<string>());
        var expiresAt = fixture.Time.GetUtcNow().AddHours(1);
        Assert.Equal(Json.Rfc3339(expiresAt), reply["expiresAt"]!.GetValue<string>());
        var token = reply["token"]!.GetValue<string>();
        var claims = Tokens.Claims(token);
        Assert.Equal(["searchRules", "apiKeyUid", "exp", "iat", "sub"], claims.Select(p => p.Key).ToArray());
        Assert.Equal(fixture.Now, claims["iat"]!.GetValue<long>());
        Assert.Equal(fixture.Now + 3600, claims["exp"]!.GetValue<long>());
        Assert.Equal("user-42", claims["sub"]!.GetValue<string>());
        Assert.Equal(w.KeyA.Uid, claims["apiKeyUid"]!.GetValue<string>());

        foreach (var route in TokenSearch.AllRoutes)
        {
            var found = (await Client.SearchAsToken(route, w.Sales, token)).ShouldBe(HttpStatusCode.OK);
            Assert.Equal([2, 4], TokenSearch.Ids(route, found, w.TenantA));
        }

        (await Client.SearchAsToken(SearchRoute.Post, w.Products, token)).ShouldFail(HttpStatusCode.Forbidden, "invalid_api_key",
            $"The provided tenant token cannot acces the index `{w.Products}`, allowed indexes are [\"{w.Sales}\"].");
    }

    [Fact]
    public async Task The_newest_search_key_signs_unless_one_is_named()
    {
        var (tenant, first) = await NewTenant();
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        var second = await TokenWorld.NewKey(Client, tenant, ["search"], ["*"]);
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        await TokenWorld.NewKey(Client, tenant, ["documents.get", "tokens.create"], ["*"]); // newest, but cannot search

        var chosen = (await Mint(tenant, new { searchRules = new[] { "*" } })).ShouldBe(HttpStatusCode.Created).Json!;
        Assert.Equal(second.Uid, chosen["apiKeyUid"]!.GetValue<string>());

        var named = (await Mint(tenant, new { searchRules = new[] { "*" }, apiKeyUid = first.Uid })).ShouldBe(HttpStatusCode.Created).Json!;
        Assert.Equal(first.Uid, named["apiKeyUid"]!.GetValue<string>());
        Assert.Equal(first.Uid, Tokens.Claims(named["token"]!.GetValue<string>())["apiKeyUid"]!.GetValue<string>());
    }

    [Fact]
    public async Task Same_request_gets_the_same_token_until_half_its_life_then_a_new_one()
    {
        var w = await fixture.World();
        var (tenant, _) = await NewTenant();
        var body = new { searchRules = new[] { w.Sales }, ttlSeconds = 600, subject = "s" };

        var first = (await Mint(tenant, body)).ShouldBe(HttpStatusCode.Created).Json!["token"]!.GetValue<string>();
        Assert.Equal(first, (await Mint(tenant, body)).ShouldBe(HttpStatusCode.Created).Json!["token"]!.GetValue<string>());

        // Other subject, rules or lifetime: other tokens.
        Assert.NotEqual(first, (await Mint(tenant, new { searchRules = new[] { w.Sales }, ttlSeconds = 600, subject = "t" })).Json!["token"]!.GetValue<string>());
        Assert.NotEqual(first, (await Mint(tenant, new { searchRules = new[] { w.Products }, ttlSeconds = 600, subject = "s" })).Json!["token"]!.GetValue<string>());
        Assert.NotEqual(first, (await Mint(tenant, new { searchRules = new[] { w.Sales }, ttlSeconds = 601, subject = "s" })).Json!["token"]!.GetValue<string>());

        fixture.Time.Advance(TimeSpan.FromSeconds(299)); // 301 s of 600 left: more than half
        Assert.Equal(first, (await Mint(tenant, body)).Json!["token"]!.GetValue<string>());

        fixture.Time.Advance(TimeSpan.FromSeconds(1)); // exactly half left: refresh
        var second = (await Mint(tenant, body)).ShouldBe(HttpStatusCode.Created).Json!;
        var secondToken = second["token"]!.GetValue<string>();
        Assert.NotEqual(first, secondToken);
        Assert.Equal(fixture.Now, Tokens.Claims(secondToken)["iat"]!.GetValue<long>());
        Assert.Equal(Json.Rfc3339(fixture.Time.GetUtcNow().AddSeconds(600)), second["expiresAt"]!.GetValue<string>());
        Assert.Equal(secondToken, (await Mint(tenant, body)).Json!["token"]!.GetValue<string>());

        // Both still work: reuse is about handing out tokens, not about revoking older ones.
        (await Client.SearchAsToken(SearchRoute.Post, w.Sales, first)).ShouldBe(HttpStatusCode.OK);
        (await Client.SearchAsToken(SearchRoute.Post, w.Sales, secondToken)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Deleting_the_key_stops_minted_and_SDK_made_tokens_on_the_next_call()
    {
        var w = await fixture.World();
        var (tenant, key) = await NewTenant();
        var minted = (await Mint(tenant, new { searchRules = new[] { "*" } })).ShouldBe(HttpStatusCode.Created).Json!["token"]!.GetValue<string>();
        var sdk = Tokens.For(key, """["*"]""");
        foreach (var token in new[] { minted, sdk })
        {
            foreach (var route in TokenSearch.AllRoutes) (await Client.SearchAsToken(route, w.Sales, token)).ShouldBe(HttpStatusCode.OK);
        }

        (await Client.DeleteAsync($"/tenants/{tenant}/keys/{key.Uid}")).ShouldBe(HttpStatusCode.NoContent);

        foreach (var token in new[] { minted, sdk })
        {
            foreach (var route in TokenSearch.AllRoutes)
            {
                (await Client.SearchAsToken(route, w.Sales, token)).ShouldFail(HttpStatusCode.Forbidden, "invalid_api_key", Invalid);
            }
        }

        (await Mint(tenant, new { searchRules = new[] { "*" } })).ShouldFail(HttpStatusCode.NotFound, "api_key_not_found",
            $"Tenant `{tenant}` has no unexpired API key with the `search` action to sign tenant tokens with.");
        (await Mint(tenant, new { searchRules = new[] { "*" }, apiKeyUid = key.Uid })).ShouldFail(HttpStatusCode.NotFound, "api_key_not_found",
            $"API key `{key.Uid}` not found.");
    }

    [Fact]
    public async Task A_tenant_key_with_tokens_create_mints_for_its_own_tenant_only()
    {
        var w = await fixture.World();
        var (tenantA, searchA) = await NewTenant();
        var minterA = await TokenWorld.NewKey(Client, tenantA, ["tokens.create"], ["*"]);
        var (tenantB, _) = await NewTenant();
        var minterB = await TokenWorld.NewKey(Client, tenantB, ["tokens.create", "search"], ["*"]);
        var everythingB = await TokenWorld.NewKey(Client, tenantB, ["*"], ["*"]);
        var body = new { searchRules = new[] { w.Sales } };

        var reply = (await Mint(tenantA, body, minterA.Value)).ShouldBe(HttpStatusCode.Created).Json!;
        Assert.Equal(searchA.Uid, reply["apiKeyUid"]!.GetValue<string>());
        (await Client.SearchAsToken(SearchRoute.Post, w.Sales, reply["token"]!.GetValue<string>())).ShouldBe(HttpStatusCode.OK);

        (await Mint(tenantA, body, minterB.Value)).ShouldFail(HttpStatusCode.Forbidden, "invalid_api_key", Invalid);
        (await Mint(tenantA, body, everythingB.Value)).ShouldFail(HttpStatusCode.Forbidden, "invalid_api_key", Invalid);
        (await Mint(tenantA, new { searchRules = new[] { "*" }, apiKeyUid = minterB.Uid })).ShouldFail(HttpStatusCode.NotFound, "api_key_not_found");
        (await Mint(tenantA, body, searchA.Value)).ShouldFail(HttpStatusCode.Forbidden, "invalid_api_key", Invalid);
        (await Mint(tenantA, body, "kefir")).ShouldFail(HttpStatusCode.Forbidden, "invalid_api_key", Invalid);
        (await Client.SendAsync(HttpMethod.Post, $"/tenants/{tenantA}/tokens", body, authorize: false))
            .ShouldFail(HttpStatusCode.Unauthorized, "missing_authorization_header");
        (await Mint("no-such-tenant", body)).ShouldFail(HttpStatusCode.NotFound, "tenant_not_found");

        (await Client.PatchAsync($"/tenants/{tenantA}", new { status = "suspended" })).ShouldBe(HttpStatusCode.OK);
        (await Mint(tenantA, body, minterA.Value)).ShouldFail(HttpStatusCode.Forbidden, "tenant_suspended");
        (await Mint(tenantA, body)).ShouldFail(HttpStatusCode.Forbidden, "tenant_suspended");
    }

    [Fact]
    public async Task A_token_never_outlives_its_key()
    {
        var tenant = await Client.CreateTenantAsync();
        var keyExpiry = fixture.Time.GetUtcNow().AddMinutes(10);
        var key = await TokenWorld.NewKey(Client, tenant, ["search"], ["*"], Json.Rfc3339(keyExpiry));

        var reply = (await Mint(tenant, new { searchRules = new[] { "*" }, ttlSeconds = 7200 })).ShouldBe(HttpStatusCode.Created).Json!;

        Assert.Equal(key.Uid, reply["apiKeyUid"]!.GetValue<string>());
        Assert.Equal(Json.Rfc3339(keyExpiry), reply["expiresAt"]!.GetValue<string>());
        Assert.Equal(keyExpiry.ToUnixTimeSeconds(), Tokens.Claims(reply["token"]!.GetValue<string>())["exp"]!.GetValue<long>());

        var expiresAt = Json.Rfc3339(fixture.Time.GetUtcNow().AddMinutes(5));
        var explicitly = (await Mint(tenant, new { searchRules = new[] { "*" }, expiresAt })).ShouldBe(HttpStatusCode.Created).Json!;
        Assert.Equal(expiresAt, explicitly["expiresAt"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bodies_are_validated_with_Meilisearch_style_errors()
    {
        var (tenant, noSearch) = await NewTenant("documents.get");
        var past = Json.Rfc3339(fixture.Time.GetUtcNow().AddSeconds(-1));

        (await Mint(tenant, new { })).ShouldFail(HttpStatusCode.BadRequest, "missing_token_search_rules", "Missing field `searchRules`");
        (await Mint(tenant, new { searchRules = "kefir" })).ShouldFail(HttpStatusCode.BadRequest, "invalid_search_rules",
            "Invalid search rules: data did not match any variant of untagged enum SearchRules at line 1 column 7.");
        (await Mint(tenant, new { searchRules = new Dictionary<string, object> { ["idx"] = new { filter = "color = " } } }))
            .ShouldFail(HttpStatusCode.BadRequest, "invalid_search_rules");
        (await Mint(tenant, new { searchRules = new Dictionary<string, object> { ["idx"] = new { filter = "_tenant = x" } } }))
            .ShouldFail(HttpStatusCode.BadRequest, "reserved_attribute");
        (await Mint(tenant, new { searchRules = new[] { "*" }, expiresAt = past })).ShouldFail(HttpStatusCode.BadRequest, "invalid_token_expires_at",
            $"Invalid value at `.expiresAt`: `{past}` is not a valid date. It should follow the RFC 3339 format to represents a date or "
            + "datetime in the future or specified as a null value. e.g. 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM:SS'.");
        (await Mint(tenant, new { searchRules = new[] { "*" }, ttlSeconds = 0 })).ShouldFail(HttpStatusCode.BadRequest, "invalid_token_ttl_seconds");
        (await Mint(tenant, new { searchRules = new[] { "*" }, ttlSeconds = 60, expiresAt = "2999-01-01" }))
            .ShouldFail(HttpStatusCode.BadRequest, "invalid_token_expires_at", "Give either `expiresAt` or `ttlSeconds`, not both.");
        (await Mint(tenant, new { searchRules = new[] { "*" }, ttlSeconds = 100_000_000 })).ShouldFail(HttpStatusCode.BadRequest, "invalid_token_ttl_seconds");
        (await Mint(tenant, new { searchRules = new[] { "*" }, apiKeyUid = "kefir" })).ShouldFail(HttpStatusCode.BadRequest, "invalid_token_api_key_uid");
        (await Mint(tenant, new { searchRules = new[] { "*" }, subject = 1 })).ShouldFail(HttpStatusCode.BadRequest, "invalid_token_subject");
        (await Mint(tenant, new { searchRules = new[] { "*" }, filter = "x" })).ShouldFail(HttpStatusCode.BadRequest, "bad_request",
            "Unknown field `filter`: expected one of `searchRules`, `expiresAt`, `ttlSeconds`, `subject`, `apiKeyUid`");
        (await Mint(tenant, new { searchRules = new[] { "*" }, apiKeyUid = noSearch.Uid })).ShouldFail(HttpStatusCode.BadRequest,
            "invalid_token_api_key_uid", $"API key `{noSearch.Uid}` cannot sign tenant tokens: it must hold the `search` action and not be expired.");
        (await Mint(tenant, new { searchRules = new[] { "*" } })).ShouldFail(HttpStatusCode.NotFound, "api_key_not_found");
    }
}
