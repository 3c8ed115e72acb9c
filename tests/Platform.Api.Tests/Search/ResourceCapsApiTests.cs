using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Platform.Api.Auth;
using Platform.Api.Search;
using Platform.Api.Tenants;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Search;

/// <summary>
/// One tenant cannot exhaust the silo through a request: filters past Lucene's clause limit answer on every filtered
/// route (and stay in the tenant), and oversized tags, bearers, rules and mint bodies are refused with
/// Meilisearch-style errors (docs/limits.md).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ResourceCapsApiTests(PlatformFixture fixture)
{
    private const int Clauses = 2000;

    private PlatformClient Client => fixture.Client;

    private sealed record Tenant(string Uid, string Key);

    public static TheoryData<string> Filters => new()
    {
        "n IN [" + string.Join(", ", Enumerable.Range(0, Clauses).Select(Text)) + "]",
        string.Join(" OR ", Enumerable.Range(0, Clauses).Select(i => "n = " + Text(i))),
        string.Join(" AND ", Enumerable.Range(0, Clauses).Select(i => "n != " + Text(i + 10_000))),
    };

    private static string Text(int i) => i.ToString(CultureInfo.InvariantCulture);

    private async Task<string> NewIndex()
    {
        var uid = "caps_" + Guid.NewGuid().ToString("N")[..8];
        (await Client.PostAsync("/indexes", new { uid, primaryKey = "id" })).ShouldBe(HttpStatusCode.Accepted);
        (await Client.PatchAsync($"/indexes/{uid}/settings", new { filterableAttributes = new[] { "n", "owner" } })).ShouldBe(HttpStatusCode.Accepted);
        return uid;
    }

    /// <summary>A tenant with documents 1–3 (n 1–3): every test filter matches all three.</summary>
    private async Task<Tenant> NewTenant(string index)
    {
        var uid = await Client.CreateTenantAsync();
        var key = (await Client.CreateKeyAsync(uid, ["search", "documents.*", "tasks.get"], ["*"]))["key"]!.GetValue<string>();
        var documents = Enumerable.Range(1, 3).Select(i => new { id = i, n = i, owner = uid }).ToArray();
        (await Client.PostAsync($"/indexes/{index}/documents", documents, key)).ShouldBe(HttpStatusCode.Accepted);
        return new Tenant(uid, key);
    }

    private static string[] Owners(JsonNode? hits) => hits!.AsArray().Select(h => h!["owner"]!.GetValue<string>()).ToArray();

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task A_2000_clause_filter_answers_on_every_route_inside_the_callers_tenant(string filter)
    {
        var index = await NewIndex();
        var alice = await NewTenant(index);
        var bob = await NewTenant(index);

        var search = (await Client.PostAsync($"/indexes/{index}/search", new { filter }, alice.Key)).ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Equal([alice.Uid, alice.Uid, alice.Uid], Owners(search["hits"]));

        var multi = (await Client.PostAsync("/multi-search", new
        {
            queries = new object[] { new { indexUid = index, filter }, new { indexUid = index, filter = new[] { filter } } },
        }, bob.Key)).ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Equal([bob.Uid, bob.Uid, bob.Uid], Owners(multi["results"]![0]!["hits"]));
        Assert.Equal([bob.Uid, bob.Uid, bob.Uid], Owners(multi["results"]![1]!["hits"]));

        var facets = (await Client.PostAsync($"/indexes/{index}/facet-search", new { facetName = "owner", filter }, alice.Key))
            .ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Equal($$"""[{"value":"{{alice.Uid}}","count":3}]""", facets["facetHits"]!.ToJsonString());

        var fetched = (await Client.PostAsync($"/indexes/{index}/documents/fetch", new { filter }, bob.Key)).ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Equal([bob.Uid, bob.Uid, bob.Uid], Owners(fetched["results"]));

        var deleted = await Client.PostAsync($"/indexes/{index}/documents/delete", new { filter }, bob.Key);
        deleted.ShouldBe(HttpStatusCode.Accepted);
        var task = (await Client.GetAsync($"/tasks/{deleted.Json!["taskUid"]}", bob.Key)).ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Equal("succeeded", task["status"]!.GetValue<string>());
        Assert.Equal(0, (await Client.GetAsync($"/indexes/{index}/documents", bob.Key)).Json!["total"]!.GetValue<int>());
        Assert.Equal(3, (await Client.GetAsync($"/indexes/{index}/documents", alice.Key)).Json!["total"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("highlightPreTag", "invalid_search_highlight_pre_tag")]
    [InlineData("highlightPostTag", "invalid_search_highlight_post_tag")]
    [InlineData("cropMarker", "invalid_search_crop_marker")]
    public async Task Tags_and_crop_marker_over_the_cap_are_refused_on_every_search_route(string field, string code)
    {
        var index = await NewIndex();
        var alice = await NewTenant(index);
        var atCap = new string('x', SearchTextLimits.MaxTagLength);
        var overCap = atCap + "x";

        (await Client.PostAsync($"/indexes/{index}/search", new Dictionary<string, object> { [field] = atCap }, alice.Key)).ShouldBe(HttpStatusCode.OK);
        (await Client.PostAsync($"/indexes/{index}/search", new Dictionary<string, object> { [field] = overCap }, alice.Key))
            .ShouldFail(HttpStatusCode.BadRequest, code);
        (await Client.GetAsync($"/indexes/{index}/search?{field}={overCap}", alice.Key)).ShouldFail(HttpStatusCode.BadRequest, code);
        var multi = await Client.PostAsync("/multi-search", new
        {
            queries = new object[] { new Dictionary<string, object> { ["indexUid"] = index, [field] = overCap } },
        }, alice.Key);
        multi.ShouldFail(HttpStatusCode.BadRequest, code);
        Assert.Contains("queries[0]", multi.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bearer_over_the_cap_is_invalid_api_key_before_any_decoding()
    {
        var index = await NewIndex();
        var alice = await NewTenant(index);
        var oversized = alice.Key + new string('a', BearerToken.MaxLength);

        (await Client.PostAsync($"/indexes/{index}/search", new { }, oversized)).ShouldFail(HttpStatusCode.Forbidden, "invalid_api_key");
        (await Client.PostAsync($"/indexes/{index}/search", new { }, alice.Key)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Rules_and_mint_bodies_over_their_caps_are_refused()
    {
        var index = await NewIndex();
        var alice = await NewTenant(index);
        var keyUid = (await Client.CreateKeyAsync(alice.Uid, ["search"], ["*"]))["uid"]!.GetValue<string>();
        var longFilter = string.Join(" OR ", Enumerable.Range(0, TenantRules.MaxBytes / 8).Select(i => "n = " + Text(i)));
        var bigRules = new JsonObject { ["*"] = new JsonObject { ["filter"] = longFilter } };

        (await Client.PostAsync($"/tenants/{alice.Uid}/tokens", new { searchRules = bigRules, apiKeyUid = keyUid }))
            .ShouldFail(HttpStatusCode.BadRequest, "invalid_search_rules");
        (await Client.PostAsync("/tenants", new { uid = "t-" + Guid.NewGuid().ToString("N")[..12], rules = bigRules }))
            .ShouldFail(HttpStatusCode.BadRequest, "invalid_search_rules");

        var hugeBody = new { searchRules = new JsonObject { ["*"] = null }, apiKeyUid = keyUid, subject = new string('s', TokenRequests.MaxBodyBytes) };
        (await Client.PostAsync($"/tenants/{alice.Uid}/tokens", hugeBody)).ShouldFail(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");

        // Rules within the cap still mint, and the token searches only its tenant.
        var token = (await Client.PostAsync($"/tenants/{alice.Uid}/tokens", new { searchRules = new[] { index }, apiKeyUid = keyUid }))
            .ShouldBe(HttpStatusCode.Created).Json!["token"]!.GetValue<string>();
        var hits = (await Client.PostAsync($"/indexes/{index}/search", new { }, token)).ShouldBe(HttpStatusCode.OK).Json!["hits"];
        Assert.Equal([alice.Uid, alice.Uid, alice.Uid], Owners(hits));
    }
}
