using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Search.Meilisearch.Tests.Infrastructure;

/// <summary>
/// A <see cref="MeilisearchClient"/> resolved through the production registration (<c>AddMeilisearchClient</c>,
/// <c>IHttpClientFactory</c>, the real resilience pipeline), with short delays so retries do not slow the tests.
/// </summary>
internal sealed class TestClient : IDisposable
{
    public const string AdminKey = "admin-key-0123456789abcdef";

    private readonly ServiceProvider _provider;

    private TestClient(ServiceProvider provider)
    {
        _provider = provider;
        Client = provider.GetRequiredService<MeilisearchClient>();
    }

    public MeilisearchClient Client { get; }

    public static TestClient For(Uri baseAddress, Action<MeilisearchOptions>? configure = null, string? path = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Platform:Search:Meilisearch:Url"] = new Uri(baseAddress, path ?? "").ToString(),
                ["Platform:Search:Meilisearch:ApiKey"] = AdminKey,
                ["Platform:Search:Meilisearch:Resilience:RetryBaseDelay"] = "00:00:00.010",
                ["Platform:Search:Meilisearch:Resilience:RetryMaxDelay"] = "00:00:00.050",
                ["Platform:Search:Meilisearch:Resilience:RetryUseJitter"] = "false",
            })
            .Build();

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddMeilisearchClient(configure);
        return new TestClient(services.BuildServiceProvider(validateScopes: true));
    }

    public void Dispose() => _provider.Dispose();
}
