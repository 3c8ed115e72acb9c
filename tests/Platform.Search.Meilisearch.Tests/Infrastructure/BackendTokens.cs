using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Platform.Search.Meilisearch.Engine;

namespace Platform.Search.Meilisearch.Tests.Infrastructure;

/// <summary>
/// The platform's backend search key as the recording endpoint hands it out, and the check of the tokens signed with
/// it. Shared (as a linked file) by every test project that drives the Meilisearch engine.
/// </summary>
internal static class BackendTokens
{
    /// <summary>The search key's value: the HMAC secret of every backend token in these tests.</summary>
    public const string SearchKeyValue = "3f1a9c0e5b7d2468ace013579bdf2468ace013579bdf2468ace013579bdf0246";

    /// <summary>The key's uid the engine looks up when none is configured.</summary>
    public static Guid SearchKeyUid { get; } = BackendSearchKey.DefaultUid("platform-");

    /// <summary>Meilisearch's answer to <c>GET /keys/{uid}</c> for the platform's search key.</summary>
    public static ScriptedResponse SearchKey(string pattern = "platform-*") => ScriptedResponse.Ok($$"""
        {"name":"Platform backend search","description":null,"key":"{{SearchKeyValue}}","uid":"{{SearchKeyUid}}",
         "actions":["search"],"indexes":["{{pattern}}"],"expiresAt":null,"createdAt":"2026-07-01T12:00:00Z","updatedAt":"2026-07-01T12:00:00Z"}
        """);

    /// <summary>The token a request carried as <c>Authorization: Bearer</c>.</summary>
    public static string BearerOf(RecordedRequest request) => request.Authorization!["Bearer ".Length..];

    /// <summary>A token's claims, after checking it is an HS256 JWT signed with <see cref="SearchKeyValue"/>.</summary>
    public static JsonObject VerifiedClaims(string token)
    {
        var parts = token.Split('.');
        Assert.Equal(3, parts.Length);
        Assert.Equal("""{"alg":"HS256","typ":"JWT"}""", Encoding.UTF8.GetString(FromBase64Url(parts[0])));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(SearchKeyValue), Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        Assert.Equal(mac, FromBase64Url(parts[2]));
        return Claims(token);
    }

    /// <summary>A token's claims, read without any check.</summary>
    public static JsonObject Claims(string token) => JsonNode.Parse(FromBase64Url(token.Split('.')[1]))!.AsObject();

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        return Convert.FromBase64String(padded);
    }
}
