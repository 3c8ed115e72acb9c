using System.Text.Json.Nodes;
using Orleans.Concurrency;
using Platform.Grains.Errors;
using Platform.Grains.Tenants;
using Platform.Grains.Tests.Meilisearch;
using Platform.Search.Engine;
using Platform.Search.Filters;
using Platform.Search.Meilisearch.Tests.Infrastructure;

namespace Platform.Grains.Tests.Tenants;

/// <summary>
/// The tenant grain owns the backend tenant tokens: it asks the Meilisearch engine for one per (tenant, effective rule),
/// passes it with every search and facet search, and reuses it until its refresh point. Checked on the wire: every
/// search request's bearer is decoded and its signature verified with the search key.
/// </summary>
public sealed class TenantBackendTokenTests : IClassFixture<MeilisearchClusterFixture>
{
    private readonly MeilisearchClusterFixture _fixture;

    public TenantBackendTokenTests(MeilisearchClusterFixture fixture)
    {
        _fixture = fixture;
        fixture.Server.Reset();
    }

    private RecordingMeilisearch Server => _fixture.Server;

    private static ScriptedResponse SearchKey() => MeilisearchClusterFixture.SearchKey();

    private static ScriptedResponse SearchAnswer() => MeilisearchClusterFixture.SearchAnswer();

    private static ScriptedResponse FacetAnswer() => ScriptedResponse.Ok("""{"facetHits":[],"facetQuery":null,"processingTimeMs":0}""");

    private static ScriptedResponse InvalidApiKey() => ScriptedResponse.Json(403,
        """{"message":"The provided API key is invalid.","code":"invalid_api_key","type":"auth","link":"https://docs.meilisearch.com/errors#invalid_api_key"}""");

    private async Task<ITenantGrain> NewTenant(string? rulesJson = null)
    {
        var tenant = _fixture.Grains.GetGrain<ITenantGrain>("t-" + Guid.NewGuid().ToString("N")[..12]);
        await tenant.Create(new TenantChanges(RulesJson: rulesJson));
        return tenant;
    }

    private static Task Search(ITenantGrain tenant, string index = "products", string? filter = null) =>
        tenant.Search(index, new SearchRequest { Filter = filter is null ? null : FilterParser.Parse(filter) }.AsImmutable());

    /// <summary>The search and facet-search requests' bearers, in order, each checked to be a token signed with the search key.</summary>
    private List<string> SearchBearers() =>
        [.. Server.Requests.Where(r => r.Path.EndsWith("search", StringComparison.Ordinal)).Select(r =>
        {
            var bearer = r.Authorization!["Bearer ".Length..];
            Assert.NotEqual(MeilisearchClusterFixture.AdminKey, bearer);
            Claims(bearer);
            return bearer;
        })];

    private static JsonObject Claims(string token) => BackendTokens.VerifiedClaims(token);

    private static string TokenFilter(string token) => Claims(token)["searchRules"]!["platform-*"]!["filter"]!.ToJsonString();

    private static string Quoted(string tenantUid) => JsonValue.Create($"_tenant = \"{tenantUid}\"").ToJsonString();

    [Fact]
    public async Task The_grain_reuses_its_token_until_the_refresh_point_then_takes_a_new_one()
    {
        Server.Enqueue(SearchAnswer(), SearchAnswer(), FacetAnswer(), SearchAnswer(), SearchAnswer());
        var tenant = await NewTenant();
        var uid = tenant.GetPrimaryKeyString();

        await Search(tenant);
        _fixture.Time.Advance(TimeSpan.FromMinutes(7));
        await Search(tenant);
        _fixture.Time.Advance(TimeSpan.FromSeconds(59));
        await tenant.FacetSearch("products", new FacetSearchRequest { FacetName = "color" }.AsImmutable());
        await Search(tenant);
        _fixture.Time.Advance(TimeSpan.FromSeconds(1)); // 8 minutes: 20% of the 10-minute life is left
        await Search(tenant);

        var bearers = SearchBearers();
        Assert.Equal(5, bearers.Count);
        Assert.Equal([bearers[0]], bearers.Take(4).Distinct());
        Assert.NotEqual(bearers[0], bearers[4]);
        Assert.Equal(Claims(bearers[0])["exp"]!.GetValue<long>() + (8 * 60), Claims(bearers[4])["exp"]!.GetValue<long>());
        Assert.Equal($"[{Quoted(uid)}]", TokenFilter(bearers[4]));
        Assert.DoesNotContain(Server.Requests, r => r.Path.StartsWith("/keys", StringComparison.Ordinal)); // found once per silo
    }

    [Fact]
    public async Task Each_rule_has_its_own_token_and_a_changed_rule_gets_a_new_one()
    {
        Server.Enqueue(SearchAnswer(), SearchAnswer(), SearchAnswer(), SearchAnswer(), SearchAnswer());
        var tenant = await NewTenant("""{"products":{"filter":"color = red"},"orders":{"filter":"region = eu"}}""");
        var uid = tenant.GetPrimaryKeyString();

        await Search(tenant, "products");
        await Search(tenant, "orders");
        await Search(tenant, "products", filter: "size = 9");
        await tenant.Update(new TenantChanges(RulesJson: """{"products":{"filter":"color = blue"}}"""));
        await Search(tenant, "products");
        await Search(tenant, "products");

        var bearers = SearchBearers();
        Assert.Equal(bearers[0], bearers[2]); // the caller's own filter does not change the token
        Assert.Equal(bearers[3], bearers[4]);
        Assert.Equal(3, bearers.Distinct().Count());
        Assert.Equal($"""[{Quoted(uid)},"color = red"]""", TokenFilter(bearers[0]));
        Assert.Equal($"""[{Quoted(uid)},"region = eu"]""", TokenFilter(bearers[1]));
        Assert.Equal($"""[{Quoted(uid)},"color = blue"]""", TokenFilter(bearers[3]));

        // The search body carries the caller's filter fused with the rule; the token adds both again on Meilisearch's side.
        var third = Server.Requests.Where(r => r.Path.EndsWith("/search", StringComparison.Ordinal)).ElementAt(2);
        Assert.Contains("size = 9", third.Body, StringComparison.Ordinal);
        Assert.Contains("color = red", third.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_tenants_sharing_an_index_with_equal_rules_never_share_a_token()
    {
        Server.Enqueue(SearchAnswer(), SearchAnswer(), SearchAnswer(), SearchAnswer());
        const string Rules = """{"products":{"filter":"color = red"}}""";
        var acme = await NewTenant(Rules);
        var globex = await NewTenant(Rules);

        await Search(acme);
        await Search(globex);
        await Search(acme);
        await Search(globex);

        var bearers = SearchBearers();
        Assert.Equal(bearers[0], bearers[2]);
        Assert.Equal(bearers[1], bearers[3]);
        Assert.NotEqual(bearers[0], bearers[1]);
        Assert.Equal($"""[{Quoted(acme.GetPrimaryKeyString())},"color = red"]""", TokenFilter(bearers[0]));
        Assert.Equal($"""[{Quoted(globex.GetPrimaryKeyString())},"color = red"]""", TokenFilter(bearers[1]));
    }

    [Fact]
    public async Task A_filter_naming_the_isolation_attribute_is_refused_before_anything_is_sent()
    {
        var acme = await NewTenant();
        var globex = await NewTenant();

        var error = await Assert.ThrowsAsync<PlatformException>(() =>
            Search(acme, filter: $"color = red OR _tenant = \"{globex.GetPrimaryKeyString()}\""));

        Assert.Equal("reserved_attribute", error.Code);
        Assert.DoesNotContain(Server.Requests, r => r.Path.EndsWith("search", StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_Meilisearch_refuses_a_token_the_grain_drops_the_one_it_cached()
    {
        Server.Enqueue(SearchAnswer(), InvalidApiKey(), SearchKey(), SearchAnswer(), SearchAnswer(), SearchAnswer());
        var tenant = await NewTenant();

        // Each minute apart, so tokens minted at different moments differ (their exp does).
        await Search(tenant);
        _fixture.Time.Advance(TimeSpan.FromMinutes(1));
        await Search(tenant); // refused: the engine finds the key again and retries with a token of its own
        _fixture.Time.Advance(TimeSpan.FromMinutes(1));
        await Search(tenant); // the grain sees the new key generation and takes a new token instead of its old one
        _fixture.Time.Advance(TimeSpan.FromMinutes(1));
        await Search(tenant); // ... which it then reuses

        var bearers = SearchBearers();
        Assert.Equal(5, bearers.Count);
        Assert.Equal(bearers[0], bearers[1]);
        Assert.Equal(bearers[3], bearers[4]);
        Assert.Equal(3, bearers.Distinct().Count());
        Assert.Single(Server.Requests, r => r.Path.StartsWith("/keys", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_suspended_tenant_sends_nothing()
    {
        Server.Enqueue(SearchAnswer());
        var tenant = await NewTenant();
        await Search(tenant);

        await tenant.Update(new TenantChanges(Status: TenantStatus.Suspended));
        await Assert.ThrowsAsync<PlatformException>(() => Search(tenant));
        Assert.Single(SearchBearers());
    }
}
