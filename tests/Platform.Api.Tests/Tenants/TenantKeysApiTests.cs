using System.Net;
using System.Text.Json.Nodes;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Tenants;

[Collection(PlatformCollection.Name)]
public sealed class TenantKeysApiTests(PlatformFixture fixture)
{
    private PlatformClient Client => fixture.Client;

    [Theory]
    [InlineData("4bc0887a-0e41-4f3b-935d-0c451dcee9c8", "d9e776b8412f1db6974c9a5556b961c3559440b6588216f4ea5d9ed49f7c8f3c")]
    [InlineData("00000000-0000-0000-0000-000000000000", "aeb94973e0b6e912d94165430bbe87dee91a7c4f891ce19050c3910ec96977e9")]
    public async Task Key_values_are_derived_as_meilisearch_does(string uid, string expected)
    {
        // The fixture runs with master key MASTER_KEY, as in docs/tenant-tokens.md#minting. Uids are global, so each vector
        // is created at most once per fixture; a second run of the same vector finds it already there.
        var tenant = await Client.CreateTenantAsync();
        var reply = await Client.PostAsync($"/tenants/{tenant}/keys", new
        {
            uid,
            name = "indexing-key",
            description = "Indexing API key",
            actions = new[] { "search", "documents.add" },
            indexes = new[] { "products" },
            expiresAt = "2050-11-13T00:00:00Z",
        });
        reply.ShouldBe(HttpStatusCode.Created);
        Assert.Equal(
            ["name", "description", "key", "uid", "actions", "indexes", "expiresAt", "createdAt", "updatedAt", "tenant"],
            reply.Json!.AsObject().Select(p => p.Key).ToArray());
        Assert.Equal(expected, reply.Json["key"]!.GetValue<string>());
        Assert.Equal(uid, reply.Json["uid"]!.GetValue<string>());
        Assert.Equal("2050-11-13T00:00:00Z", reply.Json["expiresAt"]!.GetValue<string>());
        Assert.Equal(tenant, reply.Json["tenant"]!.GetValue<string>());

        // Found by uid and by value alike; deleting leaves the uid as a tombstone (docs/security.md#key-uids).
        (await Client.GetAsync($"/tenants/{tenant}/keys/{expected}")).ShouldBe(HttpStatusCode.OK);
        (await Client.DeleteAsync($"/tenants/{tenant}/keys/{uid}")).ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_tenant_never_sees_or_touches_another_tenants_keys()
    {
        var alice = await Client.CreateTenantAsync();
        var bob = await Client.CreateTenantAsync();
        var aliceKey = await Client.CreateKeyAsync(alice);
        var bobKeys = new[] { await Client.CreateKeyAsync(bob), await Client.CreateKeyAsync(bob, ["documents.*"]) };

        var aliceList = (await Client.GetAsync($"/tenants/{alice}/keys")).ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Equal([aliceKey["uid"]!.GetValue<string>()], Uids(aliceList));
        Assert.Equal(1, aliceList["total"]!.GetValue<int>());
        var bobList = (await Client.GetAsync($"/tenants/{bob}/keys")).ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Equal(bobKeys.Select(k => k["uid"]!.GetValue<string>()).Reverse(), Uids(bobList));

        foreach (var reference in new[] { bobKeys[0]["uid"]!.GetValue<string>(), bobKeys[0]["key"]!.GetValue<string>() })
        {
            (await Client.GetAsync($"/tenants/{alice}/keys/{reference}")).ShouldFail(HttpStatusCode.NotFound, "api_key_not_found",
                $"API key `{reference}` not found.");
            (await Client.PatchAsync($"/tenants/{alice}/keys/{reference}", new { name = "stolen" }))
                .ShouldFail(HttpStatusCode.NotFound, "api_key_not_found");
            (await Client.DeleteAsync($"/tenants/{alice}/keys/{reference}")).ShouldFail(HttpStatusCode.NotFound, "api_key_not_found");
        }

        var bobKey = (await Client.GetAsync($"/tenants/{bob}/keys/{bobKeys[0]["uid"]}")).ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Null(bobKey["name"]);
    }

    [Fact]
    public async Task Update_changes_only_name_and_description_and_delete_is_final()
    {
        var tenant = await Client.CreateTenantAsync();
        var key = await Client.CreateKeyAsync(tenant);
        var uid = key["uid"]!.GetValue<string>();

        var updated = (await Client.PatchAsync($"/tenants/{tenant}/keys/{uid}", new { name = "front", description = "browser" }))
            .ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Equal("front", updated["name"]!.GetValue<string>());
        Assert.Equal("browser", updated["description"]!.GetValue<string>());
        Assert.Equal(key["key"]!.GetValue<string>(), updated["key"]!.GetValue<string>());

        (await Client.PatchAsync($"/tenants/{tenant}/keys/{uid}", new { actions = new[] { "*" } }))
            .ShouldFail(HttpStatusCode.BadRequest, "immutable_api_key_actions", "Immutable field `actions`: expected one of `description`, `name`");
        (await Client.PatchAsync($"/tenants/{tenant}/keys/{uid}", new { expiresAt = (string?)null }))
            .ShouldFail(HttpStatusCode.BadRequest, "immutable_api_key_expires_at");

        (await Client.DeleteAsync($"/tenants/{tenant}/keys/{uid}")).ShouldBe(HttpStatusCode.NoContent);
        (await Client.GetAsync($"/tenants/{tenant}/keys/{uid}")).ShouldFail(HttpStatusCode.NotFound, "api_key_not_found");
        (await Client.GetAsync($"/tenants/{tenant}/keys/{key["key"]}")).ShouldFail(HttpStatusCode.NotFound, "api_key_not_found");
    }

    public static TheoryData<string, string, string?> InvalidKeys => new()
    {
        { """{"actions":["doggo"],"indexes":["*"],"expiresAt":null}""", "invalid_api_key_actions",
            "Unknown value `doggo` at `.actions[0]`: expected one of `*`, `search`, `documents.*`, `documents.add`, `documents.get`, `documents.delete`, `tasks.get`, `tokens.create`, `usage.get`" },
        { """{"actions":["search","indexes.create"],"indexes":["*"],"expiresAt":null}""", "invalid_api_key_actions", null },
        { """{"actions":["keys.get"],"indexes":["*"],"expiresAt":null}""", "invalid_api_key_actions", null },
        { """{"actions":"search","indexes":["*"],"expiresAt":null}""", "invalid_api_key_actions",
            "Invalid value type at `.actions`: expected an array, but found a string: `\"search\"`" },
        { """{"actions":["search"],"indexes":["good doggo"],"expiresAt":null}""", "invalid_api_key_indexes",
            "Invalid value at `.indexes[0]`: `good doggo` is not a valid index uid pattern. Index uid patterns can be an integer or a string containing only alphanumeric characters, hyphens (-), underscores (_), and optionally end with a star (*)." },
        { """{"actions":["search"],"indexes":["*"],"expiresAt":"2010-11-13T00:00:00Z"}""", "invalid_api_key_expires_at",
            "Invalid value at `.expiresAt`: `2010-11-13T00:00:00Z` is not a valid date. It should follow the RFC 3339 format to represents a date or datetime in the future or specified as a null value. e.g. 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM:SS'." },
        { """{"actions":["search"],"indexes":["*"],"expiresAt":"tomorrow"}""", "invalid_api_key_expires_at", null },
        { """{"indexes":["*"],"expiresAt":null}""", "missing_api_key_actions", "Missing field `actions`" },
        { """{"actions":["search"],"expiresAt":null}""", "missing_api_key_indexes", "Missing field `indexes`" },
        { """{"actions":["search"],"indexes":["*"]}""", "missing_api_key_expires_at", "Missing field `expiresAt`" },
        { """{"actions":["search"],"indexes":["*"],"expiresAt":null,"doggo":"bork"}""", "bad_request",
            "Unknown field `doggo`: expected one of `description`, `name`, `uid`, `actions`, `indexes`, `expiresAt`" },
        { """{"expires_at":null}""", "bad_request",
            "Unknown field `expires_at`: did you mean `expiresAt`? expected one of `description`, `name`, `uid`, `actions`, `indexes`, `expiresAt`" },
        { """{"uid":"doggo"}""", "invalid_api_key_uid",
            "Invalid value at `.uid`: invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-], found `o` at 2" },
        { """{"description":["doggo"]}""", "invalid_api_key_description",
            "Invalid value type at `.description`: expected a string, but found an array: `[\"doggo\"]`" },
    };

    [Theory]
    [MemberData(nameof(InvalidKeys))]
    public async Task Invalid_key_creation_is_refused_and_creates_nothing(string body, string code, string? message)
    {
        var tenant = await Client.CreateTenantAsync();
        (await Client.SendAsync(HttpMethod.Post, $"/tenants/{tenant}/keys", body)).ShouldFail(HttpStatusCode.BadRequest, code, message);
        var keys = (await Client.GetAsync($"/tenants/{tenant}/keys")).ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Equal(0, keys["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Keys_of_an_unknown_tenant_are_404()
    {
        (await Client.PostAsync("/tenants/ghost-tenant/keys", new { actions = new[] { "search" }, indexes = new[] { "*" }, expiresAt = (string?)null }))
            .ShouldFail(HttpStatusCode.NotFound, "tenant_not_found");
        (await Client.GetAsync("/tenants/ghost-tenant/keys")).ShouldFail(HttpStatusCode.NotFound, "tenant_not_found");
    }

    [Fact]
    public async Task A_uid_taken_by_another_tenant_is_409()
    {
        var uid = Guid.NewGuid().ToString();
        await Client.CreateKeyAsync(await Client.CreateTenantAsync(), uid: uid);
        var other = await Client.CreateTenantAsync();
        (await Client.PostAsync($"/tenants/{other}/keys", new { uid, actions = new[] { "search" }, indexes = new[] { "*" }, expiresAt = (string?)null }))
            .ShouldFail(HttpStatusCode.Conflict, "api_key_already_exists");
        Assert.Equal(0, (await Client.GetAsync($"/tenants/{other}/keys")).Json!["total"]!.GetValue<int>());
    }

    private static string[] Uids(JsonNode page) =>
        page["results"]!.AsArray().Select(k => k!["uid"]!.GetValue<string>()).ToArray();
}
