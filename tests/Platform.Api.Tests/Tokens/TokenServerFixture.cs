using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Platform.Search.Keys;
using Platform.Search.Tokens;

namespace Platform.Api.Tests.Tokens;

/// <summary>
/// A platform of its own for the token tests, on a fake clock shared by the API and the grains, so expiry messages
/// and the mint cache's refresh point can be pinned exactly. Time only moves forward; tests that move it make their
/// own tenants and keys. <see cref="World"/> is built once: two tenants with the same document ids in two indexes.
/// </summary>
public sealed class TokenServerFixture : IAsyncLifetime
{
    public const string MasterKey = "MASTER_KEY";

    private readonly SemaphoreSlim _worldLock = new(1, 1);
    private TokenWorld? _world;

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    public PlatformServer Server { get; private set; } = null!;

    public PlatformClient Client => Server.Client;

    public long Now => Time.GetUtcNow().ToUnixTimeSeconds();

    public async Task InitializeAsync() => Server = await PlatformServer.StartAsync(MasterKey, Time);

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _worldLock.Dispose();
    }

    public async Task<TokenWorld> World()
    {
        await _worldLock.WaitAsync();
        try
        {
            return _world ??= await TokenWorld.CreateAsync(Client);
        }
        finally
        {
            _worldLock.Release();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class TokenCollection : ICollectionFixture<TokenServerFixture>
{
    public const string Name = "tokens";
}

/// <summary>A tenant key as the tests use it.</summary>
public sealed record TestKey(string Tenant, string Value, string Uid);

/// <summary>
/// Two indexes, <c>{prefix}sales</c> (ids 1–5: red, blue, green, blue, yellow) and <c>{prefix}products</c> (ids 1–3:
/// red, blue, green), both holding documents of tenants A and B under the same ids. Keys: A's search key on every
/// index, B's, an A key limited to products, an A key without <c>search</c>.
/// </summary>
public sealed class TokenWorld
{
    public required string Prefix { get; init; }

    public string Sales => Prefix + "sales";

    public string Products => Prefix + "products";

    public required string TenantA { get; init; }

    public required string TenantB { get; init; }

    public required TestKey KeyA { get; init; }

    public required TestKey KeyB { get; init; }

    public required TestKey KeyAProductsOnly { get; init; }

    public required TestKey KeyANoSearch { get; init; }

    public static readonly string[] SalesColors = ["red", "blue", "green", "blue", "yellow"];

    public static readonly string[] ProductColors = ["red", "blue", "green"];

    public static async Task<TokenWorld> CreateAsync(PlatformClient client)
    {
        var prefix = "tk" + Guid.NewGuid().ToString("N")[..8] + "_";
        foreach (var index in new[] { prefix + "sales", prefix + "products" })
        {
            (await client.PostAsync("/indexes", new { uid = index, primaryKey = "id" })).ShouldBe(HttpStatusCode.Accepted);
            (await client.PatchAsync($"/indexes/{index}/settings", new { filterableAttributes = new[] { "color" } }))
                .ShouldBe(HttpStatusCode.Accepted);
        }

        var tenantA = await client.CreateTenantAsync();
        var tenantB = await client.CreateTenantAsync();
        var keyA = await NewKey(client, tenantA, ["search", "documents.*"], ["*"]);
        var keyB = await NewKey(client, tenantB, ["search", "documents.*"], ["*"]);
        foreach (var (tenant, key) in new[] { (tenantA, keyA), (tenantB, keyB) })
        {
            await AddDocuments(client, key, prefix + "sales", tenant, SalesColors);
            await AddDocuments(client, key, prefix + "products", tenant, ProductColors);
        }

        return new TokenWorld
        {
            Prefix = prefix,
            TenantA = tenantA,
            TenantB = tenantB,
            KeyA = keyA,
            KeyB = keyB,
            KeyAProductsOnly = await NewKey(client, tenantA, ["search"], [prefix + "products"]),
            KeyANoSearch = await NewKey(client, tenantA, ["documents.get"], ["*"]),
        };
    }

    public static async Task<TestKey> NewKey(PlatformClient client, string tenant, string[] actions, string[] indexes, string? expiresAt = null)
    {
        var reply = await client.PostAsync($"/tenants/{tenant}/keys", new { actions, indexes, expiresAt });
        var key = reply.ShouldBe(HttpStatusCode.Created).Json!;
        return new TestKey(tenant, key["key"]!.GetValue<string>(), key["uid"]!.GetValue<string>());
    }

    private static async Task AddDocuments(PlatformClient client, TestKey key, string index, string tenant, string[] colors)
    {
        var documents = colors.Select((color, i) => new { id = i + 1, title = $"{tenant} {index} {i + 1}", color }).ToArray();
        (await client.PostAsync($"/indexes/{index}/documents", documents, key.Value)).ShouldBe(HttpStatusCode.Accepted);
    }

    /// <summary>Replaces <c>{sales}</c>, <c>{products}</c> and <c>{prefix}</c> in a rules template.</summary>
    public string Rules(string template) => template
        .Replace("{sales}", Sales, StringComparison.Ordinal)
        .Replace("{products}", Products, StringComparison.Ordinal)
        .Replace("{prefix}", Prefix, StringComparison.Ordinal);
}

/// <summary>Builds tokens the way an SDK would, or broken on purpose.</summary>
public static class Tokens
{
    public static string Url(string json) => Url(Encoding.UTF8.GetBytes(json));

    public static string Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The standard alphabet with <c>=</c> padding kept: what Meilisearch refuses.</summary>
    public static string Standard(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    public static string Header(string alg = "HS256") => $$"""{"alg":"{{alg}}","typ":"JWT"}""";

    public static string Payload(string rulesJson, string apiKeyUid, long? exp = null, string extra = "") =>
        $$"""{"searchRules":{{rulesJson}},"apiKeyUid":"{{apiKeyUid}}"{{(exp is { } e ? $",\"exp\":{e}" : "")}}{{extra}}}""";

    /// <summary>Signs raw header and payload JSON with <paramref name="secret"/> (no checks).</summary>
    public static string Sign(string headerJson, string payloadJson, string secret, TenantTokenAlgorithm algorithm = TenantTokenAlgorithm.HS256) =>
        TenantTokenMinter.Sign(Encoding.UTF8.GetBytes(headerJson), Encoding.UTF8.GetBytes(payloadJson), secret, algorithm);

    /// <summary>Signs already-encoded segments, so they can break the base64url rules.</summary>
    public static string SignSegments(string header, string payload, string secret)
    {
        var signed = header + "." + payload;
        var mac = System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(signed));
        return signed + "." + Url(mac);
    }

    public static string For(TestKey key, string rulesJson, long? exp = null, TenantTokenAlgorithm algorithm = TenantTokenAlgorithm.HS256) =>
        Sign(Header(algorithm.ToString()), Payload(rulesJson, key.Uid, exp), key.Value, algorithm);

    public static string DerivedKey(Guid uid) => ApiKeyDerivation.DeriveKey(TokenServerFixture.MasterKey, uid);

    public static JsonObject Claims(string token)
    {
        var segment = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        segment += new string('=', (4 - segment.Length % 4) % 4);
        return JsonNode.Parse(Convert.FromBase64String(segment))!.AsObject();
    }
}
