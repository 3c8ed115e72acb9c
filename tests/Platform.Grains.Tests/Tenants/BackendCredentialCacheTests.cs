using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Platform.Grains.Tenants;
using Platform.Grains.Tests.Meilisearch;
using Platform.Search.Engine;
using Platform.Search.Filters;
using Platform.Search.Meilisearch.Engine;
using Platform.Search.Meilisearch.Tests.Infrastructure;

namespace Platform.Grains.Tests.Tenants;

/// <summary>The tenant grain's credential cache on the real Meilisearch engine (as issuer) over the recording endpoint.</summary>
public sealed class BackendCredentialCacheTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.Zero));
    private RecordingMeilisearch _server = null!;
    private ServiceProvider _services = null!;

    private MeilisearchSearchEngine Engine => _services.GetRequiredService<MeilisearchSearchEngine>();

    public async Task InitializeAsync()
    {
        _server = await RecordingMeilisearch.StartAsync();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddSingleton<TimeProvider>(_time);
        services.AddMeilisearchSearchEngine(options =>
        {
            options.Url = _server.BaseAddress.ToString();
            options.ApiKey = MeilisearchClusterFixture.AdminKey;
        });
        _services = services.BuildServiceProvider(validateScopes: true);
        _server.Enqueue(MeilisearchClusterFixture.SearchKey());
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    private static TenantScope Acme(string rule) => new("acme") { Restriction = FilterParser.Parse(rule) };

    [Fact]
    public async Task It_holds_at_most_its_capacity_and_drops_the_credential_closest_to_its_refresh_point()
    {
        var cache = new BackendCredentialCache(Engine, _time, capacity: 3);
        var first = new Dictionary<int, BackendCredential>();
        for (var i = 0; i < 6; i++)
        {
            first[i] = (await cache.AttachAsync(Acme($"shard = {i}"))).Credential!;
            _time.Advance(TimeSpan.FromSeconds(1)); // a token minted later differs (its exp does)
            Assert.True(cache.Count <= 3);
        }

        // The three newest are still served from the cache; the oldest were dropped and are issued anew.
        for (var i = 3; i < 6; i++) Assert.Same(first[i], (await cache.AttachAsync(Acme($"shard = {i}"))).Credential);
        Assert.NotEqual(first[0].Value, (await cache.AttachAsync(Acme("shard = 0"))).Credential!.Value);
        Assert.Equal(3, cache.Count);
    }

    [Fact]
    public async Task Each_attached_credential_matches_its_scope_and_clearing_forgets_them()
    {
        var cache = new BackendCredentialCache(Engine, _time, capacity: 8);
        var red = (await cache.AttachAsync(Acme("color = red"))).Credential!;
        var globex = (await cache.AttachAsync(new TenantScope("globex"))).Credential!;

        Assert.Equal(BackendCredential.SubjectOf(Acme("color = red")), red.Subject);
        Assert.Equal("globex", globex.Subject);
        Assert.Equal(2, cache.Count);
        cache.Clear();
        Assert.Equal(0, cache.Count);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.NotEqual(red.Value, (await cache.AttachAsync(Acme("color = red"))).Credential!.Value);
    }
}
