using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Platform.Api.Tests.Infrastructure;
using Platform.Search.Rules;
using Platform.Search.Tokens;

namespace Platform.Api.Tests.Search;

/// <summary>Search over HTTP → tenant grain → embedded engine, with keys and tokens of two tenants sharing an index.</summary>
[Collection(PlatformCollection.Name)]
public sealed class SearchApiTests(PlatformFixture fixture)
{
    private PlatformClient Client => fixture.Client;

    private sealed record Tenant(string Uid, string Key, string KeyUid);

    private async Task<string> NewIndex()
    {
        var uid = "search_" + Guid.NewGuid().ToString("N")[..8];
        (await Client.PostAsync("/indexes", new { uid, primaryKey = "id" })).ShouldBe(HttpStatusCode.Accepted);
        (await Client.PatchAsync($"/indexes/{uid}/settings", new
        {
            filterableAttributes = new[] { "color", "price" },
            sortableAttributes = new[] { "price" },
        })).ShouldBe(HttpStatusCode.Accepted);
        return uid;
    }

    private async Task<Tenant> NewTenant(string index, object? rules = null)
    {
        var uid = await Client.CreateTenantAsync(rules: rules);
        var key = await Client.CreateKeyAsync(uid, ["search", "documents.*"], ["*"]);
        var tenant = new Tenant(uid, key["key"]!.GetValue<string>(), key["uid"]!.GetValue<string>());
        var documents = new[]
        {
            new { id = 1, title = $"{uid} red shoe", color = "red", price = 10 },
            new { id = 2, title = $"{uid} blue shoe", color = "blue", price = 20 },
            new { id = 3, title = $"{uid} green hat", color = "green", price = 30 },
        };
        (await Client.PostAsync($"/indexes/{index}/documents", documents, tenant.Key)).ShouldBe(HttpStatusCode.Accepted);
        return tenant;
    }

    private static string[] Titles(JsonNode result) =>
        result["hits"]!.AsArray().Select(h => h!["title"]!.GetValue<string>()).ToArray();

    [Fact]
    public async Task Keys_search_only_their_tenant_with_facets_filters_and_sort()
    {
        var index = await NewIndex();
        var alice = await NewTenant(index);
        var bob = await NewTenant(index);

        var result = (await Client.PostAsync($"/indexes/{index}/search",
            new { q = "shoe", filter = "color = red OR color = blue", facets = new[] { "color", "price" }, sort = new[] { "price:desc" } },
            alice.Key)).ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Equal([$"{alice.Uid} blue shoe", $"{alice.Uid} red shoe"], Titles(result));
        Assert.Equal(2, result["estimatedTotalHits"]!.GetValue<int>());
        Assert.Equal("""{"blue":1,"red":1}""", result["facetDistribution"]!["color"]!.ToJsonString());
        Assert.Equal(10, result["facetStats"]!["price"]!["min"]!.GetValue<double>());
        Assert.DoesNotContain(bob.Uid, result.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("_tenant", result.ToJsonString(), StringComparison.Ordinal);

        var get = (await Client.GetAsync($"/indexes/{index}/search?q=hat&attributesToRetrieve=title", bob.Key)).ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Equal([$"{bob.Uid} green hat"], Titles(get));

        var paged = (await Client.PostAsync($"/indexes/{index}/search", new { hitsPerPage = 2, page = 2 }, bob.Key)).ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Equal(3, paged["totalHits"]!.GetValue<int>());
        Assert.Equal(2, paged["totalPages"]!.GetValue<int>());

        (await Client.PostAsync($"/indexes/{index}/search", new { filter = "_tenant = \"" + bob.Uid + "\"" }, alice.Key))
            .ShouldFail(HttpStatusCode.BadRequest, "reserved_attribute");
        (await Client.PostAsync($"/indexes/{index}/search", new { filter = "x = 1) OR (y = 2" }, alice.Key))
            .ShouldFail(HttpStatusCode.BadRequest, "invalid_search_filter");
        (await Client.PostAsync($"/indexes/{index}/search", new { q = "shoe" })).ShouldFail(HttpStatusCode.Forbidden, "invalid_api_key");
        (await Client.PostAsync("/indexes/missing_index/search", new { q = "shoe" }, alice.Key)).ShouldFail(HttpStatusCode.NotFound, "index_not_found");
    }

    [Fact]
    public async Task Tokens_add_their_rule_and_are_refused_outside_search()
    {
        var index = await NewIndex();
        var alice = await NewTenant(index);
        var bob = await NewTenant(index);
        var minter = new TenantTokenMinter(new FakeTimeProvider(DateTimeOffset.UtcNow));
        var token = minter.Mint(new TenantTokenMintRequest(alice.Key, alice.KeyUid,
            SearchRules.Parse($$$"""{"{{{index}}}":{"filter":"color = red OR color = green"}}""")));

        var result = (await Client.PostAsync($"/indexes/{index}/search", new { filter = "color = green OR color = blue" }, token))
            .ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Equal([$"{alice.Uid} green hat"], Titles(result));

        var multi = (await Client.PostAsync("/multi-search", new
        {
            queries = new object[] { new { indexUid = index, q = "shoe" }, new { indexUid = index, q = "hat" } },
        }, token)).ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Equal([$"{alice.Uid} red shoe"], Titles(multi["results"]![0]!));
        Assert.Equal([$"{alice.Uid} green hat"], Titles(multi["results"]![1]!));

        var federated = (await Client.PostAsync("/multi-search", new
        {
            federation = new { },
            queries = new object[] { new { indexUid = index, q = "shoe" }, new { indexUid = index, q = "hat" } },
        }, token)).ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Equal(2, federated["estimatedTotalHits"]!.GetValue<int>());
        Assert.DoesNotContain(bob.Uid, federated.ToJsonString(), StringComparison.Ordinal);

        (await Client.PostAsync("/multi-search", new { queries = new object[] { new { indexUid = index }, new { indexUid = "elsewhere" } } }, token))
            .ShouldFail(HttpStatusCode.Forbidden, "invalid_api_key", "Inside `.queries[1]`: The provided API key is invalid.");
        (await Client.PostAsync("/indexes/elsewhere/search", new { }, token))
            .ShouldFail(HttpStatusCode.Forbidden, "invalid_api_key", $"The provided tenant token cannot acces the index `elsewhere`, allowed indexes are [\"{index}\"].");
        (await Client.GetAsync($"/indexes/{index}/documents", token)).ShouldFail(HttpStatusCode.Forbidden, "invalid_api_key", "The provided API key is invalid.");

        // Deleting the key stops its tokens on the next call.
        (await Client.DeleteAsync($"/tenants/{alice.Uid}/keys/{alice.KeyUid}")).ShouldBe(HttpStatusCode.NoContent);
        (await Client.PostAsync($"/indexes/{index}/search", new { }, token)).ShouldFail(HttpStatusCode.Forbidden, "invalid_api_key", "The provided API key is invalid.");
    }

    [Fact]
    public async Task Tenant_rules_apply_to_keys_and_tokens_alike()
    {
        var index = await NewIndex();
        var tenant = await NewTenant(index, rules: new Dictionary<string, object> { [index] = new { filter = "price >= 20" } });
        var viaKey = (await Client.PostAsync($"/indexes/{index}/search", new { }, tenant.Key)).ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Equal(2, viaKey["estimatedTotalHits"]!.GetValue<int>());

        var token = new TenantTokenMinter(TimeProvider.System).Mint(new TenantTokenMintRequest(tenant.Key, tenant.KeyUid, SearchRules.Parse("""["*"]""")));
        var viaToken = (await Client.PostAsync($"/indexes/{index}/search", new { filter = "price < 30" }, token)).ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Equal([$"{tenant.Uid} blue shoe"], Titles(viaToken));
    }

    [Fact]
    public async Task Facet_search_counts_only_the_callers_documents()
    {
        var index = await NewIndex();
        var alice = await NewTenant(index);
        var bob = await NewTenant(index);
        (await Client.PostAsync($"/indexes/{index}/documents", new[] { new { id = 9, title = "extra", color = "red", price = 1 } }, bob.Key))
            .ShouldBe(HttpStatusCode.Accepted);

        var aliceFacets = (await Client.PostAsync($"/indexes/{index}/facet-search", new { facetName = "color", facetQuery = "re" }, alice.Key))
            .ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Equal("""[{"value":"red","count":1}]""", aliceFacets["facetHits"]!.ToJsonString());
        var bobFacets = (await Client.PostAsync($"/indexes/{index}/facet-search", new { facetName = "color", facetQuery = "re" }, bob.Key))
            .ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Equal("""[{"value":"red","count":2}]""", bobFacets["facetHits"]!.ToJsonString());

        var token = new TenantTokenMinter(TimeProvider.System).Mint(new TenantTokenMintRequest(alice.Key, alice.KeyUid,
            SearchRules.Parse($$$"""{"{{{index}}}":{"filter":"price > 10"}}""")));
        var viaToken = (await Client.PostAsync($"/indexes/{index}/facet-search", new { facetName = "color" }, token)).ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Equal(["blue", "green"], viaToken["facetHits"]!.AsArray().Select(h => h!["value"]!.GetValue<string>()));
        (await Client.PostAsync($"/indexes/{index}/facet-search", new { facetName = "_tenant" }, alice.Key)).ShouldFail(HttpStatusCode.BadRequest, "reserved_attribute");
    }
}
