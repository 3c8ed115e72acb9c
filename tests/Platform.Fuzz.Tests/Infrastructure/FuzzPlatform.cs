using System.Net;
using System.Text.Json.Nodes;

namespace Platform.Fuzz.Tests.Infrastructure;

/// <summary>
/// The platform under fuzzing: one in-process host, one index shared by two tenants that each hold an all-actions
/// key and documents with the same ids, and a tenant token of the first tenant, so generated requests reach past
/// authentication into every handler.
/// </summary>
public sealed class FuzzPlatform : IAsyncLifetime
{
    public const string SharedIndex = "fuzz-shared";

    public PlatformServer Server { get; private set; } = null!;

    /// <summary>Values the generators splice into requests: tenant uids, keys, key uids, a token.</summary>
    public FuzzCredentials Credentials { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await PlatformServer.StartAsync();
        var client = Server.Client;
        (await client.PostAsync("/indexes", new { uid = SharedIndex, primaryKey = "id" })).ShouldBe(HttpStatusCode.Accepted);
        (await client.PatchAsync($"/indexes/{SharedIndex}/settings", new
        {
            filterableAttributes = new[] { "genre", "year" },
            sortableAttributes = new[] { "year" },
        })).ShouldBe(HttpStatusCode.Accepted);

        var alpha = await client.CreateTenantAsync("fuzz-alpha");
        var beta = await client.CreateTenantAsync("fuzz-beta");
        var alphaKey = await client.CreateKeyAsync(alpha, actions: ["*"]);
        var betaKey = await client.CreateKeyAsync(beta, actions: ["*"]);
        foreach (var key in new[] { alphaKey, betaKey })
        {
            (await client.PostAsync($"/indexes/{SharedIndex}/documents", new object[]
            {
                new { id = 1, title = "shared id one", genre = "drama", year = 1999 },
                new { id = "two", title = "shared id two", genre = "comedy", year = 2001 },
            }, Secret(key))).ShouldBe(HttpStatusCode.Accepted);
        }

        var minted = await client.PostAsync($"/tenants/{alpha}/tokens", new { searchRules = new[] { "*" } });
        minted.ShouldBe(HttpStatusCode.Created);
        Credentials = new FuzzCredentials(
            Server.MasterKey, alpha, beta, Secret(alphaKey), Secret(betaKey),
            alphaKey["uid"]!.GetValue<string>(), betaKey["uid"]!.GetValue<string>(), minted.Json!["token"]!.GetValue<string>());
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    private static string Secret(JsonNode key) => key["key"]!.GetValue<string>();
}

/// <summary>The real identifiers and secrets of the fuzzed platform.</summary>
public sealed record FuzzCredentials(
    string MasterKey, string TenantA, string TenantB, string KeyA, string KeyB, string KeyUidA, string KeyUidB, string TokenA);

[CollectionDefinition(Name)]
public sealed class FuzzCollection : ICollectionFixture<FuzzPlatform>
{
    public const string Name = "fuzz";
}
