using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Platform.Search.Engine;

namespace Platform.Api.Tests.Search;

/// <summary>
/// A client that gives up on a search stops the engine's work: the HTTP request's abort token crosses the tenant
/// grain call and reaches the engine (docs/security.md, "Caps"). The engine is the real one, wrapped so that one
/// marked query waits in it for its token; two tenants share the index, and the other tenant's searches keep working.
/// </summary>
public sealed class SearchCancellationTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private readonly PausingSearchEngine.Signals _signals = new();
    private PlatformServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await PlatformServer.StartAsync("MASTER_KEY", time: null, services =>
        {
            var real = services.Last(d => d.ServiceType == typeof(ISearchEngine));
            services.Add(ServiceDescriptor.Singleton<ISearchEngine>(provider =>
                PausingSearchEngine.Wrap((ISearchEngine)real.ImplementationFactory!(provider), _signals)));
        });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string, string> Routes => new()
    {
        { "/indexes/{index}/search", """{"q":"MARKER"}""" },
        { "/indexes/{index}/facet-search", """{"facetName":"color","q":"MARKER"}""" },
        { "/multi-search", """{"queries":[{"indexUid":"{index}","q":"MARKER"}]}""" },
        { "/multi-search", """{"federation":{},"queries":[{"indexUid":"{index}","q":"MARKER"}]}""" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task A_search_the_client_abandons_is_cancelled_in_the_engine(string route, string body)
    {
        var client = _server.Client;
        var index = "cancel_" + Guid.NewGuid().ToString("N")[..8];
        (await client.PostAsync("/indexes", new { uid = index, primaryKey = "id" })).ShouldBe(HttpStatusCode.Accepted);
        (await client.PatchAsync($"/indexes/{index}/settings", new { filterableAttributes = new[] { "color" } })).ShouldBe(HttpStatusCode.Accepted);
        var alice = await TenantWithDocument(client, index);
        var bob = await TenantWithDocument(client, index);

        using var abandon = new CancellationTokenSource();
        using var http = new HttpClient { BaseAddress = _server.Address };
        var request = new HttpRequestMessage(HttpMethod.Post, route.Replace("{index}", index, StringComparison.Ordinal))
        {
            Content = new StringContent(body.Replace("{index}", index, StringComparison.Ordinal)
                .Replace("MARKER", PausingSearchEngine.Marker, StringComparison.Ordinal), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", alice.Key);
        var abandoned = http.SendAsync(request, abandon.Token);

        Assert.Equal(alice.Uid, await _signals.Started.Task.WaitAsync(Bound));
        await abandon.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        Assert.Equal(alice.Uid, await _signals.Cancelled.Task.WaitAsync(Bound));

        // Both tenants still search the shared index, each seeing only its own document.
        foreach (var tenant in new[] { alice, bob })
        {
            var hits = (await client.PostAsync($"/indexes/{index}/search", new { q = "" }, tenant.Key)).ShouldBe(HttpStatusCode.OK).Json!["hits"]!.AsArray();
            Assert.Equal(tenant.Uid, Assert.Single(hits)!["owner"]!.GetValue<string>());
        }
    }

    private sealed record Tenant(string Uid, string Key);

    private static async Task<Tenant> TenantWithDocument(PlatformClient client, string index)
    {
        var uid = await client.CreateTenantAsync();
        var key = (await client.CreateKeyAsync(uid, ["search", "documents.*"], [index]))["key"]!.GetValue<string>();
        (await client.PostAsync($"/indexes/{index}/documents", new[] { new { id = 1, color = "red", owner = uid } }, key))
            .ShouldBe(HttpStatusCode.Accepted);
        return new Tenant(uid, key);
    }
}
