using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Silo.Tests.Infrastructure;

/// <summary>A thin HTTP client for tests: raw requests with a chosen bearer, JSON in and out.</summary>
public sealed class PlatformClient(Uri address, string masterKey) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };

    public string MasterKey { get; } = masterKey;

    public Task<Reply> SendAsync(HttpMethod method, string path, object? body = null, string? bearer = null,
        string contentType = "application/json", bool authorize = true)
    {
        var request = new HttpRequestMessage(method, path);
        if (authorize) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer ?? MasterKey);
        if (body is not null)
        {
            var text = body as string ?? JsonSerializer.Serialize(body);
            request.Content = new StringContent(text, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return SendAsync(request);
    }

    public async Task<Reply> SendAsync(HttpRequestMessage request)
    {
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Reply(response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response.Headers);
    }

    public Task<Reply> GetAsync(string path, string? bearer = null) => SendAsync(HttpMethod.Get, path, bearer: bearer);

    public Task<Reply> PostAsync(string path, object body, string? bearer = null) => SendAsync(HttpMethod.Post, path, body, bearer);

    public Task<Reply> PatchAsync(string path, object body, string? bearer = null) => SendAsync(HttpMethod.Patch, path, body, bearer);

    public Task<Reply> DeleteAsync(string path, string? bearer = null) => SendAsync(HttpMethod.Delete, path, bearer: bearer);

    /// <summary>Creates a tenant and returns its uid.</summary>
    public async Task<string> CreateTenantAsync(string? uid = null, object? rules = null)
    {
        uid ??= "t-" + Guid.NewGuid().ToString("N")[..12];
        var reply = await PostAsync("/tenants", rules is null ? new { uid } : new { uid, rules });
        reply.ShouldBe(HttpStatusCode.Created);
        return uid;
    }

    /// <summary>Creates a key for a tenant and returns the key object.</summary>
    public async Task<JsonNode> CreateKeyAsync(string tenant, string[]? actions = null, string[]? indexes = null, string? uid = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["actions"] = actions ?? ["search"],
            ["indexes"] = indexes ?? ["*"],
            ["expiresAt"] = null,
        };
        if (uid is not null) body["uid"] = uid;
        var reply = await PostAsync($"/tenants/{tenant}/keys", body);
        reply.ShouldBe(HttpStatusCode.Created);
        return reply.Json!;
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>An HTTP answer with its JSON body.</summary>
public sealed record Reply(HttpStatusCode Status, JsonNode? Json, HttpResponseHeaders Headers)
{
    public string? Code => Json?["code"]?.GetValue<string>();

    public string? Message => Json?["message"]?.GetValue<string>();

    public Reply ShouldBe(HttpStatusCode status)
    {
        Assert.True(Status == status, $"Expected {(int)status}, got {(int)Status}: {Json?.ToJsonString()}");
        return this;
    }

    /// <summary>Asserts Meilisearch's error shape with the given status and code.</summary>
    public Reply ShouldFail(HttpStatusCode status, string code, string? message = null)
    {
        ShouldBe(status);
        var error = Assert.IsType<JsonObject>(Json);
        Assert.Equal(["message", "code", "type", "link"], error.Select(p => p.Key).ToArray());
        Assert.Equal(code, Code);
        Assert.Equal($"https://docs.meilisearch.com/errors#{code}", error["link"]!.GetValue<string>());
        if (message is not null) Assert.Equal(message, Message);
        return this;
    }
}
