using Platform.Search.Meilisearch.Tests.Infrastructure;

namespace Platform.Search.Meilisearch.Tests.Client;

public sealed class KeysContractTests(RecordingMeilisearchFixture fixture) : ContractTestBase(fixture)
{
    private static readonly Guid KeyUid = Guid.Parse("4bc0887a-0e41-4f3b-935d-0c451dcee9c8");

    [Fact]
    public async Task CreateKey_sends_expires_at_null_explicitly()
    {
        Server.Enqueue(ScriptedResponse.Json(201, MeilisearchExamples.Key));

        var key = await Client.CreateKeyAsync(Admin, new CreateKeyRequest(["search"], ["tenant-a-*"], ExpiresAt: null)
        {
            Name = "tenant-a search",
            Uid = KeyUid,
        });

        AssertSent("POST", "/keys", "", Admin.ApiKey,
            """{"actions":["search"],"indexes":["tenant-a-*"],"expiresAt":null,"name":"tenant-a search","uid":"4bc0887a-0e41-4f3b-935d-0c451dcee9c8"}""");
        Assert.Equal("d9e776b8412f1db6974c9a5556b961c3559440b6588216f4ea5d9ed49f7c8f3c", key.Key);
        Assert.Equal(KeyUid, key.Uid);
        Assert.Null(key.ExpiresAt);
    }

    [Fact]
    public async Task CreateKey_writes_expires_at_as_rfc3339()
    {
        Server.Enqueue(ScriptedResponse.Json(201, MeilisearchExamples.Key));

        await Client.CreateKeyAsync(Admin, new CreateKeyRequest(["search"], ["movies"], new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero)));

        AssertSent("POST", "/keys", "", Admin.ApiKey, """{"actions":["search"],"indexes":["movies"],"expiresAt":"2030-01-02T03:04:05+00:00"}""");
    }

    [Fact]
    public async Task GetKey_reads_the_key()
    {
        Server.Enqueue(ScriptedResponse.Ok(MeilisearchExamples.Key));

        var key = await Client.GetKeyAsync(Admin, KeyUid.ToString());

        AssertSent("GET", "/keys/4bc0887a-0e41-4f3b-935d-0c451dcee9c8", "", Admin.ApiKey);
        Assert.Equal(["search"], key.Actions);
        Assert.Equal(["tenant-a-*"], key.Indexes);
        Assert.Equal("tenant-a search", key.Name);
    }

    [Fact]
    public async Task ListKeys_pages_with_offset_and_limit()
    {
        Server.Enqueue(ScriptedResponse.Ok(MeilisearchExamples.KeyList));

        var page = await Client.ListKeysAsync(Admin, offset: 20, limit: 20);

        AssertSent("GET", "/keys", "?offset=20&limit=20", Admin.ApiKey);
        Assert.Equal(KeyUid, Assert.Single(page.Results).Uid);
    }

    [Fact]
    public async Task DeleteKey_accepts_204()
    {
        Server.Enqueue(new ScriptedResponse(204));

        await Client.DeleteKeyAsync(Admin, KeyUid.ToString());

        AssertSent("DELETE", "/keys/4bc0887a-0e41-4f3b-935d-0c451dcee9c8", "", Admin.ApiKey);
    }

    [Fact]
    public void KeyInfo_ToString_redacts_the_key()
    {
        var key = new KeyInfo("n", null, "d9e776b8412f1db6974c9a5556b961c3559440b6588216f4ea5d9ed49f7c8f3c", KeyUid, ["search"], ["*"], null, default, default);

        Assert.DoesNotContain("d9e776b8", key.ToString(), StringComparison.Ordinal);
        Assert.Contains("Key = ***", key.ToString(), StringComparison.Ordinal);
    }
}
