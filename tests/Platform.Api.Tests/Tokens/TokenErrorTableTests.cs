using System.Net;
using Platform.Search.Tokens;

namespace Platform.Api.Tests.Tokens;

/// <summary>
/// The tenant-token error cases E1–E18 (docs/tenant-tokens.md#error-cases; E19 cannot happen: the platform always has a
/// master key), on the four search routes.
/// Problems with the bearer itself read the same everywhere; index refusals are specific on single-index routes and
/// the generic message with the <c>Inside `.queries[0]`:</c> prefix in multi-search, plain and federated.
/// </summary>
[Collection(TokenCollection.Name)]
public sealed class TokenErrorTableTests(TokenServerFixture fixture)
{
    private const string Invalid = "The provided API key is invalid.";
    private const string Missing = "The Authorization header is missing. It must use the bearer authorization method.";
    private const string Decode = "Could not decode tenant token, ";
    private const string InsideInvalid = "Inside `.queries[0]`: " + Invalid;

    private sealed record Case(
        string? Authorization,
        HttpStatusCode Status,
        string Code,
        string? Message,
        string? MessagePrefix = null,
        string? MultiMessage = null,
        bool OnProducts = false);

    public static readonly TheoryData<string, SearchRoute> Rows = BuildRows();

    private static TheoryData<string, SearchRoute> BuildRows()
    {
        string[] names =
        [
            "E1 no header", "E2 Basic scheme", "E2 lowercase bearer", "E3 empty bearer", "E4 garbage", "E4 unknown key value",
            "master key", "E6 missing searchRules", "E6 searchRules a string", "E6 float exp", "E6 apiKeyUid not a UUID",
            "E7 payload in standard alphabet", "E7 padded header", "E7 padded payload", "E7 padded signature",
            "E7 four segments", "E8 RS256", "E9 alg none", "E9 alg lowercase", "E10 tampered payload", "E10 signed with uid",
            "E10 signed with master key", "E10 header HS384 over HS256", "E11 aud", "E12 expired", "E13 unknown key uid",
            "E14 token lacks index", "E14 empty set", "E14 before E15", "E15 key lacks index", "E16 key without search",
            "E18 key lacks index",
        ];
        var rows = new TheoryData<string, SearchRoute>();
        foreach (var name in names)
        {
            foreach (var route in TokenSearch.AllRoutes) rows.Add(name, route);
        }

        return rows;
    }

    private static Case Build(string name, TokenWorld w, long now)
    {
        var a = w.KeyA;
        var all = """["*"]""";
        var good = Tokens.For(a, all);
        var goodParts = good.Split('.');
        string Bearer(string token) => "Bearer " + token;
        Case Refused(string token, string message) => new(Bearer(token), HttpStatusCode.Forbidden, "invalid_api_key", message);
        Case Prefixed(string token, string prefix) => new(Bearer(token), HttpStatusCode.Forbidden, "invalid_api_key", null, prefix);

        switch (name)
        {
            case "E1 no header": return new(null, HttpStatusCode.Unauthorized, "missing_authorization_header", Missing);
            case "E2 Basic scheme": return new("Basic " + a.Value, HttpStatusCode.Unauthorized, "missing_authorization_header", Missing);
            case "E2 lowercase bearer": return new("bearer " + good, HttpStatusCode.Unauthorized, "missing_authorization_header", Missing);
            case "E3 empty bearer": return new("Bearer", HttpStatusCode.Forbidden, "invalid_api_key", Invalid);
            case "E4 garbage": return Refused("kefir", Invalid);
            case "E4 unknown key value": return Refused(Tokens.DerivedKey(Guid.NewGuid()), Invalid);
            case "master key": return Refused(TokenServerFixture.MasterKey, Invalid);
            case "E6 missing searchRules":
                return Refused(Tokens.Sign(Tokens.Header(), """{"tamo":"kefir"}""", a.Value),
                    Decode + "JSON error: missing field `searchRules` at line 1 column 16.");
            case "E6 searchRules a string":
                return Refused(Tokens.Sign(Tokens.Header(), """{"searchRules":"kefir"}""", a.Value),
                    Decode + "JSON error: data did not match any variant of untagged enum SearchRules at line 1 column 23.");
            case "E6 float exp":
                return Prefixed(Tokens.Sign(Tokens.Header(), $$"""{"searchRules":["*"],"apiKeyUid":"{{a.Uid}}","exp":4102444800.0}""", a.Value),
                    Decode + "JSON error: invalid type: ");
            case "E6 apiKeyUid not a UUID":
                return Prefixed(Tokens.Sign(Tokens.Header(), """{"searchRules":["*"],"apiKeyUid":"kefir"}""", a.Value), Decode + "JSON error: ");
            case "E7 payload in standard alphabet":
            {
                // "???>>>" encodes to "Pz8_Pj4-" in base64url and "Pz8/Pj4+" in the standard alphabet.
                var url = Tokens.Url(Tokens.Payload(all, a.Uid, extra: ",\"note\":\"???>>>\""));
                var standard = url.Replace('-', '+').Replace('_', '/');
                var offset = standard.AsSpan().IndexOfAny('+', '/');
                Assert.True(offset >= 0);
                return Refused(Tokens.SignSegments(Tokens.Url(Tokens.Header()), standard, a.Value),
                    $"{Decode}Base64 error: Invalid symbol {(int)standard[offset]}, offset {offset}..");
            }

            case "E7 padded header":
                // 17 bytes of header: its padded base64 ends in one '='.
                return Refused(Tokens.SignSegments(Tokens.Url("""{"alg":"HS256"  }""") + "=", Tokens.Url(Tokens.Payload(all, a.Uid)), a.Value),
                    Decode + "Base64 error: Invalid padding.");
            case "E7 padded payload":
            {
                var payload = Tokens.Payload(all, a.Uid, extra: ",\"f\":\"\"");
                while (System.Text.Encoding.UTF8.GetByteCount(payload) % 3 == 0) payload = payload[..^2] + " \"}";
                var padded = Tokens.Standard(payload);
                Assert.EndsWith("=", padded, StringComparison.Ordinal);
                return Refused(Tokens.SignSegments(Tokens.Url(Tokens.Header()), padded.Replace('+', '-').Replace('/', '_'), a.Value),
                    Decode + "Base64 error: Invalid padding.");
            }

            case "E7 padded signature": return Refused(good + "=", Decode + "Base64 error: Invalid padding.");
            case "E7 four segments": return Prefixed("x." + good, Decode + "Base64 error: ");
            case "E8 RS256": return Refused(Tokens.Sign(Tokens.Header("RS256"), Tokens.Payload(all, a.Uid), a.Value), Decode + "InvalidAlgorithm.");
            case "E9 alg none": return Prefixed(Tokens.Sign(Tokens.Header("none"), Tokens.Payload(all, a.Uid), a.Value), Decode + "JSON error: ");
            case "E9 alg lowercase": return Prefixed(Tokens.Sign(Tokens.Header("hs256"), Tokens.Payload(all, a.Uid), a.Value), Decode + "JSON error: ");
            case "E10 tampered payload":
                return Refused($"{goodParts[0]}.{Tokens.Url(Tokens.Payload(all, w.KeyB.Uid))}.{goodParts[2]}", Decode + "InvalidSignature.");
            case "E10 signed with uid": return Refused(Tokens.Sign(Tokens.Header(), Tokens.Payload(all, a.Uid), a.Uid), Decode + "InvalidSignature.");
            case "E10 signed with master key":
                return Refused(Tokens.Sign(Tokens.Header(), Tokens.Payload(all, a.Uid), TokenServerFixture.MasterKey), Decode + "InvalidSignature.");
            case "E10 header HS384 over HS256":
                return Refused(Tokens.Sign(Tokens.Header("HS384"), Tokens.Payload(all, a.Uid), a.Value, TenantTokenAlgorithm.HS256), Decode + "InvalidSignature.");
            case "E11 aud":
                return Refused(Tokens.Sign(Tokens.Header(), Tokens.Payload(all, a.Uid, extra: ",\"aud\":\"search\""), a.Value), Decode + "InvalidAudience.");
            case "E12 expired":
                return Refused(Tokens.For(a, all, exp: now - 1), $"Tenant token expired. Was valid up to `{now - 1}` and we're now `{now}`.");
            case "E13 unknown key uid":
            {
                var uid = Guid.NewGuid();
                return Refused(Tokens.Sign(Tokens.Header(), Tokens.Payload(all, uid.ToString()), Tokens.DerivedKey(uid)), Invalid);
            }

            case "E14 token lacks index":
                return Refused(Tokens.For(a, w.Rules("""{"{products}": null, "{prefix}p*": {}}""")),
                    $"The provided tenant token cannot acces the index `{w.Sales}`, allowed indexes are [\"{w.Prefix}p*\", \"{w.Products}\"].")
                    with { MultiMessage = InsideInvalid };
            case "E14 empty set":
                return Refused(Tokens.For(a, "[]"), $"The provided tenant token cannot acces the index `{w.Sales}`, allowed indexes are [].")
                    with { MultiMessage = InsideInvalid };
            case "E14 before E15":
                return Refused(Tokens.For(w.KeyAProductsOnly, w.Rules("""["{products}"]""")),
                    $"The provided tenant token cannot acces the index `{w.Sales}`, allowed indexes are [\"{w.Products}\"].")
                    with { MultiMessage = InsideInvalid };
            case "E15 key lacks index":
                return Refused(Tokens.For(w.KeyAProductsOnly, w.Rules("""["{sales}"]""")),
                    $"The API key used to generate this tenant token cannot acces the index `{w.Sales}`.") with { MultiMessage = InsideInvalid };
            case "E16 key without search": return Refused(Tokens.For(w.KeyANoSearch, all), Invalid);
            case "E18 key lacks index":
                return Refused(w.KeyAProductsOnly.Value,
                    $"The API key cannot acces the index `{w.Sales}`, authorized indexes are [\"{w.Products}\"].") with { MultiMessage = InsideInvalid };
            default: throw new ArgumentOutOfRangeException(nameof(name), name, null);
        }
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Refusal_has_Meilisearchs_status_code_and_message(string name, SearchRoute route)
    {
        var world = await fixture.World();
        var row = Build(name, world, fixture.Now);

        var reply = await fixture.Client.SearchAsync(route, row.OnProducts ? world.Products : world.Sales, row.Authorization);

        var multi = route is SearchRoute.Multi or SearchRoute.Federated;
        var message = multi && row.MultiMessage is not null ? row.MultiMessage : row.Message;
        reply.ShouldFail(row.Status, row.Code, message);
        Assert.Equal("auth", reply.Json!["type"]!.GetValue<string>());
        if (row.MessagePrefix is not null)
        {
            Assert.StartsWith(row.MessagePrefix, reply.Message, StringComparison.Ordinal);
            Assert.EndsWith(".", reply.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task E5_a_valid_token_is_refused_on_every_non_search_route()
    {
        var w = await fixture.World();
        var token = Tokens.For(w.KeyA, """["*"]""");
        (await fixture.Client.SearchAsToken(SearchRoute.Post, w.Sales, token)).ShouldBe(HttpStatusCode.OK);

        (await fixture.Client.GetAsync($"/indexes/{w.Sales}/documents", token)).ShouldFail(HttpStatusCode.Forbidden, "invalid_api_key", Invalid);
        (await fixture.Client.GetAsync($"/indexes/{w.Sales}/documents/1", token)).ShouldFail(HttpStatusCode.Forbidden, "invalid_api_key", Invalid);
        (await fixture.Client.PostAsync($"/indexes/{w.Sales}/documents", new[] { new { id = 9 } }, token))
            .ShouldFail(HttpStatusCode.Forbidden, "invalid_api_key", Invalid);
        (await fixture.Client.GetAsync("/tasks", token)).ShouldFail(HttpStatusCode.Forbidden, "invalid_api_key", Invalid);
        (await fixture.Client.GetAsync("/indexes", token)).ShouldFail(HttpStatusCode.Forbidden, "invalid_api_key", Invalid);
        (await fixture.Client.PostAsync($"/tenants/{w.TenantA}/tokens", new { searchRules = new[] { "*" } }, token))
            .ShouldFail(HttpStatusCode.Forbidden, "invalid_api_key", Invalid);
    }

    [Theory]
    [InlineData(SearchRoute.Multi)]
    [InlineData(SearchRoute.Federated)]
    public async Task E17_multi_search_names_the_first_query_the_token_or_key_does_not_cover(SearchRoute route)
    {
        var w = await fixture.World();
        var token = Tokens.For(w.KeyAProductsOnly, w.Rules("""["{products}", "{sales}"]"""));
        var queries = new object[] { new { indexUid = w.Products }, new { indexUid = w.Sales }, new { indexUid = "elsewhere" } };
        object body = route == SearchRoute.Multi ? new { queries } : new { federation = new { }, queries };
        (await fixture.Client.PostAsync("/multi-search", body, token))
            .ShouldFail(HttpStatusCode.Forbidden, "invalid_api_key", "Inside `.queries[1]`: " + Invalid);

        var onlyProducts = Tokens.For(w.KeyA, w.Rules("""["{products}"]"""));
        (await fixture.Client.PostAsync("/multi-search", body, onlyProducts))
            .ShouldFail(HttpStatusCode.Forbidden, "invalid_api_key", "Inside `.queries[1]`: " + Invalid);

        // An expired token is reported without a prefix: the problem is the token, not a query.
        var expired = Tokens.For(w.KeyA, """["*"]""", exp: fixture.Now - 10);
        (await fixture.Client.PostAsync("/multi-search", body, expired))
            .ShouldFail(HttpStatusCode.Forbidden, "invalid_api_key", $"Tenant token expired. Was valid up to `{fixture.Now - 10}` and we're now `{fixture.Now}`.");
    }

    [Fact]
    public async Task E12_a_token_that_worked_reports_expiry_with_the_current_time_once_past_exp()
    {
        var w = await fixture.World();
        var exp = fixture.Now + 30;
        var token = Tokens.For(w.KeyA, """["*"]""", exp);
        foreach (var route in TokenSearch.AllRoutes)
        {
            (await fixture.Client.SearchAsToken(route, w.Sales, token)).ShouldBe(HttpStatusCode.OK);
        }

        fixture.Time.Advance(TimeSpan.FromSeconds(30));
        (await fixture.Client.SearchAsToken(SearchRoute.Post, w.Sales, token)).ShouldBe(HttpStatusCode.OK); // exp == now: still valid

        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        foreach (var route in TokenSearch.AllRoutes)
        {
            (await fixture.Client.SearchAsToken(route, w.Sales, token)).ShouldFail(HttpStatusCode.Forbidden, "invalid_api_key",
                $"Tenant token expired. Was valid up to `{exp}` and we're now `{exp + 1}`.");
        }

        fixture.Time.Advance(TimeSpan.FromSeconds(5));
        (await fixture.Client.SearchAsToken(SearchRoute.Get, w.Sales, token)).ShouldFail(HttpStatusCode.Forbidden, "invalid_api_key",
            $"Tenant token expired. Was valid up to `{exp}` and we're now `{exp + 6}`.");
    }

    [Fact]
    public async Task E16_a_parent_key_that_expires_stops_its_cached_tokens()
    {
        var w = await fixture.World();
        var tenant = await fixture.Client.CreateTenantAsync();
        var expiresAt = fixture.Time.GetUtcNow().AddSeconds(60);
        var key = await TokenWorld.NewKey(fixture.Client, tenant, ["search"], ["*"], Json.Rfc3339(expiresAt));
        var token = Tokens.For(key, """["*"]""");
        (await fixture.Client.SearchAsToken(SearchRoute.Post, w.Sales, token)).ShouldBe(HttpStatusCode.OK);

        fixture.Time.Advance(TimeSpan.FromSeconds(60));
        foreach (var route in TokenSearch.AllRoutes)
        {
            (await fixture.Client.SearchAsToken(route, w.Sales, token)).ShouldFail(HttpStatusCode.Forbidden, "invalid_api_key", Invalid);
        }
    }

    [Fact]
    public async Task A_cached_token_still_sees_key_deletion_and_tenant_suspension()
    {
        var w = await fixture.World();
        var tenant = await fixture.Client.CreateTenantAsync();
        var key = await TokenWorld.NewKey(fixture.Client, tenant, ["search"], ["*"]);
        var token = Tokens.For(key, """["*"]""");
        (await fixture.Client.SearchAsToken(SearchRoute.Post, w.Sales, token)).ShouldBe(HttpStatusCode.OK);

        (await fixture.Client.PatchAsync($"/tenants/{tenant}", new { status = "suspended" })).ShouldBe(HttpStatusCode.OK);
        (await fixture.Client.SearchAsToken(SearchRoute.Post, w.Sales, token)).ShouldFail(HttpStatusCode.Forbidden, "tenant_suspended");
        (await fixture.Client.PatchAsync($"/tenants/{tenant}", new { status = "active" })).ShouldBe(HttpStatusCode.OK);
        (await fixture.Client.SearchAsToken(SearchRoute.Post, w.Sales, token)).ShouldBe(HttpStatusCode.OK);

        (await fixture.Client.PatchAsync($"/tenants/{tenant}", new { rules = new[] { w.Products } })).ShouldBe(HttpStatusCode.OK);
        (await fixture.Client.SearchAsToken(SearchRoute.Post, w.Sales, token)).ShouldFail(HttpStatusCode.Forbidden, "invalid_api_key");

        (await fixture.Client.DeleteAsync($"/tenants/{tenant}/keys/{key.Uid}")).ShouldBe(HttpStatusCode.NoContent);
        foreach (var route in TokenSearch.AllRoutes)
        {
            (await fixture.Client.SearchAsToken(route, w.Products, token)).ShouldFail(HttpStatusCode.Forbidden, "invalid_api_key", Invalid);
        }
    }
}

internal static class Json
{
    public static string Rfc3339(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
