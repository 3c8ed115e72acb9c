using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Platform.Search.Meilisearch.Tests.StandIn;

/// <summary>
/// The stand-in's API keys behave as Meilisearch's: the master key, key values derived from the master key and the
/// uid, actions and indexes checked on every route, expiry, and keys managed over <c>/keys</c>.
/// </summary>
public sealed class StandInKeyTests(StandInServer server) : IClassFixture<StandInServer>
{
    private const string InvalidKey = "The provided API key is invalid.";

    [Fact]
    public async Task A_missing_header_is_401_and_a_wrong_key_is_403()
    {
        Assert.Equal((401, "missing_authorization_header", "The Authorization header is missing. It must use the bearer authorization method."),
            StandInServer.Error(await server.SendAsync(HttpMethod.Get, "indexes", bearer: null)));
        Assert.Equal((403, "invalid_api_key", InvalidKey), StandInServer.Error(await server.SendAsync(HttpMethod.Get, "indexes", "not-a-key")));
        Assert.Equal(HttpStatusCode.OK, (await server.SendAsync(HttpMethod.Get, "health", bearer: null)).Status);
    }

    [Fact]
    public async Task A_key_value_is_the_hmac_of_its_uid_under_the_master_key()
    {
        var uid = Guid.NewGuid();
        var (status, body) = await server.SendAsync(HttpMethod.Post, "keys", StandInServer.MasterKey,
            $$"""{"uid":"{{uid}}","actions":["search"],"indexes":["*"],"expiresAt":null,"name":"n"}""");

        Assert.Equal(HttpStatusCode.Created, status);
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(StandInServer.MasterKey), Encoding.UTF8.GetBytes(uid.ToString("D"))));
        Assert.Equal(expected, body!["key"]!.GetValue<string>());
        Assert.Equal(expected, (await server.SendAsync(HttpMethod.Get, $"keys/{expected}", StandInServer.MasterKey)).Body!["key"]!.GetValue<string>());
        Assert.Equal((409, "api_key_already_exists", $"`uid` field value `{uid}` is already an existing API key."),
            StandInServer.Error(await server.SendAsync(HttpMethod.Post, "keys", StandInServer.MasterKey, $$"""{"uid":"{{uid}}","actions":["search"],"indexes":["*"],"expiresAt":null}""")));
    }

    [Fact]
    public async Task A_key_may_only_do_its_actions_on_its_indexes()
    {
        var mine = StandInServer.NewIndex("mine");
        var other = StandInServer.NewIndex("other");
        await server.RunTaskAsync(HttpMethod.Post, $"indexes/{mine}/documents", """[{"id":1,"title":"a"}]""");
        await server.RunTaskAsync(HttpMethod.Post, $"indexes/{other}/documents", """[{"id":1,"title":"b"}]""");
        var (key, _) = await server.CreateKeyAsync("""["documents.get"]""", """["mine-*"]""");

        Assert.Equal(HttpStatusCode.OK, (await server.SendAsync(HttpMethod.Get, $"indexes/{mine}/documents/1", key)).Status);
        Assert.Equal((403, "invalid_api_key", InvalidKey), StandInServer.Error(await server.SendAsync(HttpMethod.Get, $"indexes/{other}/documents/1", key)));
        Assert.Equal((403, "invalid_api_key", InvalidKey), StandInServer.Error(await server.SendAsync(HttpMethod.Post, $"indexes/{mine}/search", key, "{}")));
        Assert.Equal((403, "invalid_api_key", InvalidKey), StandInServer.Error(await server.SendAsync(HttpMethod.Post, $"indexes/{mine}/documents", key, "[]")));
        Assert.Equal((403, "invalid_api_key", InvalidKey), StandInServer.Error(await server.SendAsync(HttpMethod.Get, "keys", key)));
    }

    [Fact]
    public async Task Group_wildcards_grant_their_group_only_and_listings_show_only_covered_indexes()
    {
        var mine = StandInServer.NewIndex("wild");
        await server.RunTaskAsync(HttpMethod.Post, "indexes", $$"""{"uid":"{{mine}}"}""");
        await server.RunTaskAsync(HttpMethod.Post, "indexes", $$"""{"uid":"{{StandInServer.NewIndex("unseen")}}"}""");
        var (key, _) = await server.CreateKeyAsync("""["indexes.*"]""", $"""["{mine}"]""");

        var list = await server.SendAsync(HttpMethod.Get, "indexes", key);
        Assert.Equal([mine], list.Body!["results"]!.AsArray().Select(i => i!["uid"]!.GetValue<string>()));
        Assert.Equal((403, "invalid_api_key", InvalidKey), StandInServer.Error(await server.SendAsync(HttpMethod.Get, $"indexes/{mine}/settings", key)));
        Assert.Equal(HttpStatusCode.Accepted, (await server.SendAsync(HttpMethod.Delete, $"indexes/{mine}", key)).Status);
    }

    [Fact]
    public async Task An_expired_key_is_refused_and_a_deleted_key_no_longer_works()
    {
        var expiry = server.Time.GetUtcNow().AddHours(1).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var (expiring, _) = await server.CreateKeyAsync("""["version"]""", """["*"]""", $"\"{expiry}\"");
        var (deleted, deletedUid) = await server.CreateKeyAsync("""["version"]""", """["*"]""");
        Assert.Equal(HttpStatusCode.OK, (await server.SendAsync(HttpMethod.Get, "version", expiring)).Status);

        Assert.Equal(HttpStatusCode.NoContent, (await server.SendAsync(HttpMethod.Delete, $"keys/{deletedUid}", StandInServer.MasterKey)).Status);
        Assert.Equal((403, "invalid_api_key", InvalidKey), StandInServer.Error(await server.SendAsync(HttpMethod.Get, "version", deleted)));
        Assert.Equal((404, "api_key_not_found", $"API key `{deletedUid}` not found."),
            StandInServer.Error(await server.SendAsync(HttpMethod.Get, $"keys/{deletedUid}", StandInServer.MasterKey)));

        server.Time.Advance(TimeSpan.FromHours(2));
        Assert.Equal((403, "invalid_api_key", InvalidKey), StandInServer.Error(await server.SendAsync(HttpMethod.Get, "version", expiring)));
    }

    [Fact]
    public async Task Only_name_and_description_of_a_key_can_change()
    {
        var (_, uid) = await server.CreateKeyAsync("""["search"]""", """["*"]""");

        var renamed = await server.SendAsync(HttpMethod.Patch, $"keys/{uid}", StandInServer.MasterKey, """{"name":"renamed"}""");
        Assert.Equal("renamed", renamed.Body!["name"]!.GetValue<string>());
        Assert.Equal((400, "immutable_api_key_actions", "Immutable field `actions`: expected one of `name`, `description`"),
            StandInServer.Error(await server.SendAsync(HttpMethod.Patch, $"keys/{uid}", StandInServer.MasterKey, """{"actions":["*"]}""")));
        Assert.Equal((400, "missing_api_key_expires_at", "Missing field `expiresAt`"),
            StandInServer.Error(await server.SendAsync(HttpMethod.Post, "keys", StandInServer.MasterKey, """{"actions":["search"],"indexes":["*"]}""")));
    }

    [Fact]
    public async Task Meilisearchs_two_default_keys_exist_from_the_start()
    {
        var keys = (await server.SendAsync(HttpMethod.Get, "keys?limit=1000", StandInServer.MasterKey)).Body!["results"]!.AsArray();

        Assert.Contains(keys, k => k!["name"]?.GetValue<string>() == "Default Search API Key" && k["actions"]!.ToJsonString() == """["search"]""");
        Assert.Contains(keys, k => k!["name"]?.GetValue<string>() == "Default Admin API Key" && k["actions"]!.ToJsonString() == """["*"]""");
        Assert.All(keys, k => Assert.IsType<JsonObject>(k));
    }
}
