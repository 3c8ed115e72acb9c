using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Platform.Meilisearch.StandIn;

namespace Platform.Search.Meilisearch.Tests.StandIn;

/// <summary>
/// One stand-in per test class, on fake time (keys and tokens expire when a test advances it), spoken to over plain
/// HTTP so its answers are checked as a Meilisearch client sees them. Tests use their own index uids.
/// </summary>
public sealed class StandInServer : IAsyncLifetime
{
    public const string MasterKey = "standin-master-key-for-auth-tests";

    private StandInMeilisearch? _meili;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public HttpClient Http { get; } = new();

    public StandInMeilisearch Meili => _meili ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _meili = await StandInMeilisearch.StartAsync(MasterKey, "http://127.0.0.1:0", dataRoot: null, Time);
        Http.BaseAddress = _meili.Url;
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_meili is not null) await _meili.DisposeAsync();
    }

    /// <summary>Sends a request with <paramref name="bearer"/> (none when null) and an optional JSON body.</summary>
    public async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, string? bearer, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>Sends a write as the master key and waits until its task has finished; returns the task object.</summary>
    public async Task<JsonNode> RunTaskAsync(HttpMethod method, string path, string? json = null)
    {
        var (status, body) = await SendAsync(method, path, MasterKey, json);
        if (status != HttpStatusCode.Accepted) throw new InvalidOperationException($"{method} {path} answered {(int)status}: {body}");
        var uid = body!["taskUid"]!.GetValue<long>();
        await Meili.WaitForTaskAsync(uid);
        return (await SendAsync(HttpMethod.Get, $"tasks/{uid}", MasterKey)).Body!;
    }

    /// <summary>Creates a key as the master key and returns its value and uid.</summary>
    public async Task<(string Key, Guid Uid)> CreateKeyAsync(string actions, string indexes, string expiresAt = "null")
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "keys", MasterKey, $$"""{"actions":{{actions}},"indexes":{{indexes}},"expiresAt":{{expiresAt}}}""");
        if (status != HttpStatusCode.Created) throw new InvalidOperationException($"POST /keys answered {(int)status}: {body}");
        return (body!["key"]!.GetValue<string>(), Guid.Parse(body["uid"]!.GetValue<string>()));
    }

    /// <summary>
    /// A tenant token as Meilisearch's SDKs make one: HS256 over <c>base64url(header).base64url(claims)</c> with the
    /// parent key's value (its UTF-8 bytes) as the secret. Written here independently of the platform's minter.
    /// </summary>
    public static string Token(string keyValue, Guid apiKeyUid, string searchRules, long exp)
    {
        static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var header = B64(Encoding.UTF8.GetBytes("""{"alg":"HS256","typ":"JWT"}"""));
        var claims = B64(Encoding.UTF8.GetBytes($$"""{"searchRules":{{searchRules}},"apiKeyUid":"{{apiKeyUid:D}}","exp":{{exp}}}"""));
        var signature = B64(HMACSHA256.HashData(Encoding.UTF8.GetBytes(keyValue), Encoding.ASCII.GetBytes(header + "." + claims)));
        return header + "." + claims + "." + signature;
    }

    /// <summary>A fresh index uid for one test.</summary>
    public static string NewIndex(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>Meilisearch's error body fields, for one assertion.</summary>
    public static (int Status, string? Code, string? Message) Error((HttpStatusCode Status, JsonNode? Body) answer) =>
        ((int)answer.Status, answer.Body?["code"]?.GetValue<string>(), answer.Body?["message"]?.GetValue<string>());
}
