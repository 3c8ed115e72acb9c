using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Platform.Api.Tests.Tokens;

/// <summary>The four ways a token can search one index: single POST and GET, multi-search plain and federated.</summary>
public enum SearchRoute
{
    Post,
    Get,
    Multi,
    Federated,
}

public static class TokenSearch
{
    public static readonly SearchRoute[] AllRoutes = [SearchRoute.Post, SearchRoute.Get, SearchRoute.Multi, SearchRoute.Federated];

    /// <summary>Searches <paramref name="index"/> with a raw <c>Authorization</c> header (null: none).</summary>
    public static Task<Reply> SearchAsync(this PlatformClient client, SearchRoute route, string index, string? authorization, string? filter = null)
    {
        var query = new JsonObject { ["indexUid"] = index };
        if (filter is not null) query["filter"] = filter;
        HttpRequestMessage request = route switch
        {
            SearchRoute.Post => Post($"/indexes/{index}/search", filter is null ? new JsonObject() : new JsonObject { ["filter"] = filter }),
            SearchRoute.Get => new HttpRequestMessage(HttpMethod.Get,
                $"/indexes/{index}/search" + (filter is null ? "" : "?filter=" + Uri.EscapeDataString(filter))),
            SearchRoute.Multi => Post("/multi-search", new JsonObject { ["queries"] = new JsonArray(query) }),
            _ => Post("/multi-search", new JsonObject { ["federation"] = new JsonObject(), ["queries"] = new JsonArray(query) }),
        };
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return client.SendAsync(request);
    }

    public static Task<Reply> SearchAsToken(this PlatformClient client, SearchRoute route, string index, string token, string? filter = null) =>
        client.SearchAsync(route, index, "Bearer " + token, filter);

    /// <summary>The hits of a successful search on any route.</summary>
    public static JsonArray Hits(SearchRoute route, Reply reply) =>
        (route == SearchRoute.Multi ? reply.Json!["results"]![0]!["hits"] : reply.Json!["hits"])!.AsArray();

    /// <summary>The document ids of the hits, sorted, after checking that every hit is <paramref name="tenant"/>'s.</summary>
    public static int[] Ids(SearchRoute route, Reply reply, string tenant)
    {
        var hits = Hits(route, reply);
        foreach (var hit in hits)
        {
            Assert.StartsWith(tenant + " ", hit!["title"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("_tenant", reply.Json!.ToJsonString(), StringComparison.Ordinal);
        return [.. hits.Select(h => h!["id"]!.GetValue<int>()).Order()];
    }

    private static HttpRequestMessage Post(string path, JsonObject body) => new(HttpMethod.Post, path)
    {
        Content = new StringContent(body.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
    };
}
