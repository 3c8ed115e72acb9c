using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Platform.Search.Engine;
using Platform.Search.Meilisearch.Engine;

namespace Platform.Search.Meilisearch.Tests.Engine;

public sealed class BackendTokenCacheTests
{
    private static readonly BackendSearchKey Key = new(Guid.Parse("4bc0887a-0e41-4f3b-935d-0c451dcee9c8"), EngineContractTestBase.SearchKeyValue);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.Zero));

    private BackendTokenCache Cache(int capacity = 100) => new(Key, "platform-*", TimeSpan.FromMinutes(10), 0.2, capacity, _time);

    private static JsonObject Claims(SearchCredential credential)
    {
        var payload = credential.Token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload += new string('=', (4 - (payload.Length % 4)) % 4);
        return JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)))!.AsObject();
    }

    [Fact]
    public void Tokens_carry_only_the_isolation_filter_in_array_form()
    {
        var claims = Claims(Cache().For(new TenantScope("acme")));

        Assert.Equal("""{"platform-*":{"filter":["_tenant = \"acme\""]}}""", claims["searchRules"]!.ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Equal(Key.Uid.ToString(), claims["apiKeyUid"]!.GetValue<string>());
        Assert.Equal(_time.GetUtcNow().AddMinutes(10).ToUnixTimeSeconds(), claims["exp"]!.GetValue<long>());
    }

    [Fact]
    public void The_tenants_rule_joins_the_isolation_filter_and_each_rule_gets_its_own_token()
    {
        var cache = Cache();
        var red = new TenantScope("acme") { Restriction = Platform.Search.Filters.FilterParser.Parse("color = red AND price < 10") };
        var claims = Claims(cache.For(red));

        Assert.Equal("""{"platform-*":{"filter":["_tenant = \"acme\"","color = red","price < 10"]}}""",
            claims["searchRules"]!.ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Equal(cache.For(red), cache.For(new TenantScope("acme") { Restriction = Platform.Search.Filters.FilterParser.Parse("color = red AND price < 10") }));
        Assert.NotEqual(cache.For(red), cache.For(new TenantScope("acme")));
        Assert.NotEqual(cache.For(red), cache.For(new TenantScope("acme") { Restriction = Platform.Search.Filters.FilterParser.Parse("color = blue") }));
    }

    [Fact]
    public void A_token_is_reused_until_less_than_the_refresh_share_of_its_life_is_left()
    {
        var cache = Cache();
        var first = cache.For(new TenantScope("acme"));
        _time.Advance(TimeSpan.FromMinutes(8) - TimeSpan.FromTicks(1));
        Assert.Equal(first, cache.For(new TenantScope("acme")));
        _time.Advance(TimeSpan.FromTicks(1));
        var second = cache.For(new TenantScope("acme"));
        Assert.NotEqual(first, second);
        Assert.Equal(second, cache.For(new TenantScope("acme")));
    }

    [Fact]
    public void The_cache_stays_within_its_capacity()
    {
        var cache = Cache(capacity: 8);
        for (var i = 0; i < 50; i++)
        {
            cache.For(new TenantScope("tenant-" + i));
            Assert.True(cache.Count <= 8);
        }
    }

    [Fact]
    public void The_key_value_never_shows_in_text()
    {
        Assert.DoesNotContain(Key.Key, Key.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("token", new SearchCredential("secret.token.value").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_key_uid_is_fixed_per_prefix_and_a_well_formed_uuid()
    {
        var uid = BackendSearchKey.DefaultUid("platform-");
        Assert.Equal(uid, BackendSearchKey.DefaultUid("platform-"));
        Assert.NotEqual(uid, BackendSearchKey.DefaultUid("other-"));
        Assert.Equal(8, uid.Version);
    }
}
