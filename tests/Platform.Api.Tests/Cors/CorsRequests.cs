using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Platform.Api.Tests.Cors;

/// <summary>What a browser sends for a cross-origin call: a preflight, then the request with its <c>Origin</c>.</summary>
internal static class CorsRequests
{
    public const string AllowOrigin = "Access-Control-Allow-Origin";

    public static HttpRequestMessage Preflight(string path, string origin, string method = "POST")
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", "authorization, content-type, x-meilisearch-client");
        return request;
    }

    public static HttpRequestMessage Post(string path, object body, string bearer, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("X-Meilisearch-Client", "Meilisearch JavaScript (v0.62.0)");
        return request;
    }

    public static HttpRequestMessage Get(string path, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Origin", origin);
        return request;
    }

    public static string? Header(this Reply reply, string name) =>
        reply.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    /// <summary>A comma-separated header's items, lower-cased.</summary>
    public static string[] Items(this Reply reply, string name) =>
        (reply.Header(name) ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(item => item.ToLowerInvariant()).ToArray();
}
