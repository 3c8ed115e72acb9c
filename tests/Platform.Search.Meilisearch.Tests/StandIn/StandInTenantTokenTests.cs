using System.Net;
using System.Text.Json.Nodes;

namespace Platform.Search.Meilisearch.Tests.StandIn;

/// <summary>
/// Tenant tokens on the stand-in, as Meilisearch decides them: two tenants share one index, each with a token whose
/// <c>searchRules</c> filter is ANDed onto whatever the request asks, on search, multi-search and facet search; an
/// expired token, a token signed by a deleted key, a token for another index and a token on a non-search route are
/// refused with Meilisearch's messages.
/// </summary>
public sealed class StandInTenantTokenTests(StandInServer server) : IClassFixture<StandInServer>, IAsyncLifetime
{
    private readonly string _index = StandInServer.NewIndex("shared");
    private string _key = "";
    private Guid _keyUid;

    public async Task InitializeAsync()
    {
        await server.RunTaskAsync(HttpMethod.Patch, $"indexes/{_index}/settings", """{"filterableAttributes":["_tenant","color"]}""");
        await server.RunTaskAsync(HttpMethod.Post, $"indexes/{_index}/documents?primaryKey=pid", """
            [{"pid":"a1","id":1,"title":"red shoe","color":"red","_tenant":"acme"},
             {"pid":"a2","id":2,"title":"blue shoe","color":"blue","_tenant":"acme"},
             {"pid":"g1","id":1,"title":"red shoe","color":"red","_tenant":"globex"},
             {"pid":"g2","id":2,"title":"green shoe","color":"green","_tenant":"globex"},
             {"pid":"g3","id":3,"title":"red hat","color":"red","_tenant":"globex"}]
            """);
        (_key, _keyUid) = await server.CreateKeyAsync("""["search"]""", $"""["{_index}"]""");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private long Exp => server.Time.GetUtcNow().AddHours(1).ToUnixTimeSeconds();

    private string TokenFor(string tenant) =>
        StandInServer.Token(_key, _keyUid, $$$"""{"{{{_index}}}":{"filter":"_tenant = {{{tenant}}}"}}""", Exp);

    private async Task<List<string>> SearchPids(string token, string body)
    {
        var (status, answer) = await server.SendAsync(HttpMethod.Post, $"indexes/{_index}/search", token, body);
        Assert.Equal(HttpStatusCode.OK, status);
        return [.. answer!["hits"]!.AsArray().Select(h => h!["pid"]!.GetValue<string>()).Order()];
    }

    [Fact]
    public async Task Each_tenants_token_sees_only_its_own_documents_whatever_the_request_filter()
    {
        var acme = TokenFor("acme");
        var globex = TokenFor("globex");

        Assert.Equal(["a1", "a2"], await SearchPids(acme, "{}"));
        Assert.Equal(["g1", "g2", "g3"], await SearchPids(globex, "{}"));
        Assert.Equal(["a1", "a2"], await SearchPids(acme, """{"filter":"_tenant = globex OR _tenant = acme OR color = green"}"""));
        Assert.Empty(await SearchPids(acme, """{"filter":"_tenant = globex"}"""));
        Assert.Equal(["a1"], await SearchPids(acme, """{"q":"red"}"""));
        Assert.Equal(["g1", "g3"], await SearchPids(globex, """{"q":"red","filter":["color = red"]}"""));
    }

    [Fact]
    public async Task Facets_facet_search_and_multi_search_count_only_the_tokens_tenant()
    {
        var acme = TokenFor("acme");

        var faceted = await server.SendAsync(HttpMethod.Post, $"indexes/{_index}/search", acme, """{"facets":["color","_tenant"]}""");
        Assert.Equal("""{"_tenant":{"acme":2},"color":{"blue":1,"red":1}}""",
            faceted.Body!["facetDistribution"]!.ToJsonString());

        var facetSearch = await server.SendAsync(HttpMethod.Post, $"indexes/{_index}/facet-search", acme, """{"facetName":"color"}""");
        Assert.Equal("""[{"value":"blue","count":1},{"value":"red","count":1}]""", facetSearch.Body!["facetHits"]!.ToJsonString());

        var multi = await server.SendAsync(HttpMethod.Post, "multi-search", acme,
            $$"""{"queries":[{"indexUid":"{{_index}}","filter":"_tenant = globex"},{"indexUid":"{{_index}}","q":"shoe"}]}""");
        var results = multi.Body!["results"]!.AsArray();
        Assert.Empty(results[0]!["hits"]!.AsArray());
        Assert.Equal(2, results[1]!["hits"]!.AsArray().Count);

        var federated = await server.SendAsync(HttpMethod.Post, "multi-search", acme,
            $$"""{"federation":{},"queries":[{"indexUid":"{{_index}}"},{"indexUid":"{{_index}}","q":"red"}]}""");
        Assert.All(federated.Body!["hits"]!.AsArray(), h => Assert.Equal("acme", h!["_tenant"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_expired_token_is_refused_with_meilisearchs_message()
    {
        var exp = server.Time.GetUtcNow().ToUnixTimeSeconds() - 1;
        var expired = StandInServer.Token(_key, _keyUid, $$$"""{"{{{_index}}}":{"filter":"_tenant = acme"}}""", exp);

        var refused = StandInServer.Error(await server.SendAsync(HttpMethod.Post, $"indexes/{_index}/search", expired, "{}"));

        Assert.Equal((403, "invalid_api_key", $"Tenant token expired. Was valid up to `{exp}` and we're now `{exp + 1}`."), refused);
    }

    [Fact]
    public async Task A_token_signed_by_a_deleted_key_is_refused()
    {
        var (key, uid) = await server.CreateKeyAsync("""["search"]""", """["*"]""");
        var token = StandInServer.Token(key, uid, """["*"]""", Exp);
        Assert.Equal(HttpStatusCode.OK, (await server.SendAsync(HttpMethod.Post, $"indexes/{_index}/search", token, "{}")).Status);

        await server.SendAsync(HttpMethod.Delete, $"keys/{uid}", StandInServer.MasterKey);

        Assert.Equal((403, "invalid_api_key", "The provided API key is invalid."),
            StandInServer.Error(await server.SendAsync(HttpMethod.Post, $"indexes/{_index}/search", token, "{}")));
    }

    [Fact]
    public async Task A_token_reaches_neither_other_indexes_nor_other_routes_nor_outlives_a_wrong_signature()
    {
        var acme = TokenFor("acme");
        var other = StandInServer.NewIndex("other");
        await server.RunTaskAsync(HttpMethod.Post, "indexes", $$"""{"uid":"{{other}}"}""");

        Assert.Equal((403, "invalid_api_key", $"The provided tenant token cannot acces the index `{other}`, allowed indexes are [\"{_index}\"]."),
            StandInServer.Error(await server.SendAsync(HttpMethod.Post, $"indexes/{other}/search", acme, "{}")));
        Assert.Equal((403, "invalid_api_key", "The provided API key is invalid."),
            StandInServer.Error(await server.SendAsync(HttpMethod.Get, $"indexes/{_index}/documents", acme)));
        Assert.Equal((403, "invalid_api_key", "Inside `.queries[1]`: The provided API key is invalid."),
            StandInServer.Error(await server.SendAsync(HttpMethod.Post, "multi-search", acme,
                $$"""{"queries":[{"indexUid":"{{_index}}"},{"indexUid":"{{other}}"}]}""")));

        var forged = StandInServer.Token("not-the-key-value-0123456789abcdef", _keyUid, """["*"]""", Exp);
        Assert.Equal((403, "invalid_api_key", "Could not decode tenant token, InvalidSignature."),
            StandInServer.Error(await server.SendAsync(HttpMethod.Post, $"indexes/{_index}/search", forged, "{}")));
    }

    [Fact]
    public async Task A_token_of_a_key_without_search_is_refused()
    {
        var (key, uid) = await server.CreateKeyAsync("""["documents.get"]""", """["*"]""");

        var token = StandInServer.Token(key, uid, """["*"]""", Exp);

        Assert.Equal((403, "invalid_api_key", "The provided API key is invalid."),
            StandInServer.Error(await server.SendAsync(HttpMethod.Post, $"indexes/{_index}/search", token, "{}")));
    }

    [Fact]
    public async Task The_master_key_searches_everything()
    {
        var all = await server.SendAsync(HttpMethod.Post, $"indexes/{_index}/search", StandInServer.MasterKey, "{}");

        Assert.Equal(5, all.Body!["hits"]!.AsArray().Count);
        Assert.IsType<JsonArray>(all.Body["hits"]);
    }
}
