using System.Net;
using System.Text.Json.Nodes;
using Platform.Api.Tests.Tokens;
using Platform.Search.Meilisearch.Tests.Infrastructure;

namespace Platform.Api.Tests.Search;

/// <summary>
/// The whole platform on the Meilisearch engine (only settings change), in front of the recording endpoint: every
/// search route, called with a tenant's API key or with a tenant token, reaches Meilisearch with the tenant grain's
/// backend token, never with the admin key or the caller's own credential. Two tenants share the index.
/// </summary>
public sealed class MeilisearchSearchPathTests : IAsyncLifetime
{
    private const string AdminKey = "meili-admin-key-for-tests";
    private const string Rules = """{"*":{"filter":"color = red"}}""";

    private RecordingMeilisearch _meilisearch = null!;
    private PlatformServer _server = null!;

    private PlatformClient Client => _server.Client;

    public async Task InitializeAsync()
    {
        _meilisearch = await RecordingMeilisearch.StartAsync();
        _meilisearch.Enqueue(BackendTokens.SearchKey());
        _server = await PlatformServer.StartAsync(extraArgs:
        [
            "--Platform:Search:Engine=meilisearch",
            $"--Platform:Search:Meilisearch:Url={_meilisearch.BaseAddress}",
            $"--Platform:Search:Meilisearch:ApiKey={AdminKey}",
            "--Platform:Search:Meilisearch:Resilience:MaxRetryAttempts=0",
        ]);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _meilisearch.DisposeAsync();
    }

    private static ScriptedResponse SearchAnswer() =>
        ScriptedResponse.Ok("""{"hits":[],"query":"","processingTimeMs":1,"limit":20,"offset":0,"estimatedTotalHits":0}""");

    private static ScriptedResponse FacetAnswer() => ScriptedResponse.Ok("""{"facetHits":[],"facetQuery":null,"processingTimeMs":0}""");

    private List<RecordedRequest> Searches() =>
        [.. _meilisearch.Requests.Where(r => r.Path.EndsWith("search", StringComparison.Ordinal))];

    private static JsonObject BackendClaims(RecordedRequest request) => BackendTokens.VerifiedClaims(BackendTokens.BearerOf(request));

    /// <summary>Every string in a Meilisearch filter (a string, or arrays of them), in order.</summary>
    private static List<string> Strings(JsonNode? filter) => filter switch
    {
        JsonArray all => [.. all.SelectMany(Strings)],
        JsonValue one => [one.GetValue<string>()],
        _ => [],
    };

    [Fact]
    public async Task Every_search_route_reaches_Meilisearch_with_the_tenant_grains_backend_token()
    {
        var acme = await Client.CreateTenantAsync(rules: JsonNode.Parse(Rules));
        var globex = await Client.CreateTenantAsync(rules: JsonNode.Parse(Rules));
        var acmeKey = await TokenWorld.NewKey(Client, acme, ["search"], ["*"]);
        var globexKey = await TokenWorld.NewKey(Client, globex, ["search"], ["*"]);
        var acmeToken = (await Client.PostAsync($"/tenants/{acme}/tokens", new { searchRules = new { products = new { filter = "size = 9" } } }))
            .ShouldBe(HttpStatusCode.Created).Json!["token"]!.GetValue<string>();

        // Acme by key on every route, then by token on every route, then a facet search; Globex once between them.
        foreach (var route in TokenSearch.AllRoutes)
        {
            _meilisearch.Enqueue(SearchAnswer());
            (await Client.SearchAsync(route, "products", "Bearer " + acmeKey.Value)).ShouldBe(HttpStatusCode.OK);
        }

        _meilisearch.Enqueue(SearchAnswer());
        (await Client.SearchAsync(SearchRoute.Post, "products", "Bearer " + globexKey.Value, filter: $"_tenant = \"{acme}\"")).ShouldFail(HttpStatusCode.BadRequest, "reserved_attribute");
        (await Client.SearchAsync(SearchRoute.Post, "products", "Bearer " + globexKey.Value)).ShouldBe(HttpStatusCode.OK);

        foreach (var route in TokenSearch.AllRoutes)
        {
            _meilisearch.Enqueue(SearchAnswer());
            (await Client.SearchAsToken(route, "products", acmeToken)).ShouldBe(HttpStatusCode.OK);
        }

        _meilisearch.Enqueue(FacetAnswer());
        (await Client.PostAsync("/indexes/products/facet-search", new { facetName = "color" }, acmeKey.Value)).ShouldBe(HttpStatusCode.OK);

        var searches = Searches();
        Assert.Equal(10, searches.Count);
        string[] neverSent = [AdminKey, acmeKey.Value, globexKey.Value, acmeToken];
        Assert.All(searches, s => Assert.DoesNotContain(s.Authorization!["Bearer ".Length..], neverSent));

        var globexSearch = searches[4];
        var acmeSearches = searches.Except([globexSearch]).ToList();
        Assert.Single(acmeSearches.Select(s => s.Authorization).Distinct()); // one token, cached by Acme's grain
        Assert.NotEqual(acmeSearches[0].Authorization, globexSearch.Authorization);
        Assert.Equal([$"_tenant = \"{acme}\"", "color = red"], Strings(BackendClaims(acmeSearches[0])["searchRules"]!["platform-*"]!["filter"]));
        Assert.Equal([$"_tenant = \"{globex}\"", "color = red"], Strings(BackendClaims(globexSearch)["searchRules"]!["platform-*"]!["filter"]));

        // The caller's token rule travels in the body (fused by the platform), next to the tenant's rule and isolation.
        Assert.All(acmeSearches.Skip(4).Take(4), s =>
        {
            var filter = string.Join(" AND ", Strings(JsonNode.Parse(s.Body)!["filter"]));
            Assert.Contains("size = 9", filter, StringComparison.Ordinal);
            Assert.Contains("color = red", filter, StringComparison.Ordinal);
            Assert.Contains($"_tenant = \"{acme}\"", filter, StringComparison.Ordinal);
        });
        Assert.All(_meilisearch.Requests.Except(searches), r => Assert.Equal("Bearer " + AdminKey, r.Authorization));
    }
}
