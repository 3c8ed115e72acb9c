using System.Net;

namespace Platform.Api.Tests.Cors;

/// <summary>A configured <c>Platform:Cors:AllowedOrigins</c> answers its origins by name and no others.</summary>
public sealed class CorsAllowListTests : IAsyncLifetime
{
    private const string Allowed = "https://app.example.com";
    private const string Other = "https://evil.example.net";

    private PlatformServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await PlatformServer.StartAsync("MASTER_KEY", $"--Platform:Cors:AllowedOrigins:0={Allowed}", "--Platform:Cors:AllowedOrigins:1=http://localhost:5173");

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_listed_origin_is_allowed_by_name()
    {
        var preflight = await _server.Client.SendAsync(CorsRequests.Preflight("/indexes/products/search", Allowed));
        Assert.Equal(HttpStatusCode.NoContent, preflight.Status);
        Assert.Equal(Allowed, preflight.Header(CorsRequests.AllowOrigin));

        var health = await _server.Client.SendAsync(CorsRequests.Get("/health", Allowed));
        health.ShouldBe(HttpStatusCode.OK);
        Assert.Equal(Allowed, health.Header(CorsRequests.AllowOrigin));
    }

    [Fact]
    public async Task Another_origin_gets_no_allow_header()
    {
        var preflight = await _server.Client.SendAsync(CorsRequests.Preflight("/indexes/products/search", Other));
        Assert.Null(preflight.Header(CorsRequests.AllowOrigin));
        Assert.Null(preflight.Header("Access-Control-Allow-Headers"));

        var health = await _server.Client.SendAsync(CorsRequests.Get("/health", Other));
        health.ShouldBe(HttpStatusCode.OK);
        Assert.Null(health.Header(CorsRequests.AllowOrigin));
    }
}
