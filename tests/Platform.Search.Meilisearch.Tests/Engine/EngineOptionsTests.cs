using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Search.Engine;
using Platform.Search.Meilisearch.Engine;

namespace Platform.Search.Meilisearch.Tests.Engine;

public sealed class EngineOptionsTests
{
    private static readonly MeilisearchOptionsValidator Validator = new();

    [Fact]
    public void Engine_settings_errors_are_reported_together_and_name_their_keys()
    {
        var options = new MeilisearchOptions
        {
            Url = "http://meili:7700",
            ApiKey = "key",
            IndexPrefix = "bad prefix",
            CatalogIndex = "",
            DedicatedIndexes = ["orders", "no good"],
            TokenLifetime = TimeSpan.FromSeconds(5),
            TokenRefreshRatio = 1,
        };

        var failures = Validator.Validate(null, options).Failures!.ToList();

        string[] keys =
        [
            "Platform:Search:Meilisearch:IndexPrefix ",
            "Platform:Search:Meilisearch:CatalogIndex ",
            "Platform:Search:Meilisearch:DedicatedIndexes:1 ",
            "Platform:Search:Meilisearch:TokenLifetime ",
            "Platform:Search:Meilisearch:TokenRefreshRatio ",
        ];
        Assert.Equal(keys.Length, failures.Count);
        foreach (var key in keys)
        {
            Assert.Contains(failures, f => f.StartsWith(key, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_catalog_must_stay_outside_the_prefix()
    {
        var result = Validator.Validate(null, new MeilisearchOptions { Url = "http://meili:7700", ApiKey = "key", IndexPrefix = "p", CatalogIndex = "platform_catalog" });
        Assert.StartsWith("Platform:Search:Meilisearch:CatalogIndex ", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void AddMeilisearchSearchEngine_binds_the_section_and_registers_the_engine()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Platform:Search:Meilisearch:Url"] = "http://meili:7700",
            ["Platform:Search:Meilisearch:ApiKey"] = "from-env",
            ["Platform:Search:Meilisearch:IndexPrefix"] = "gw-",
            ["Platform:Search:Meilisearch:CatalogIndex"] = "gw_catalog",
            ["Platform:Search:Meilisearch:TokenLifetime"] = "00:05:00",
            ["Platform:Search:Meilisearch:DedicatedIndexes:0"] = "orders",
        }).Build());

        services.AddMeilisearchSearchEngine();
        using var provider = services.BuildServiceProvider(validateScopes: true);

        var options = provider.GetRequiredService<IOptions<MeilisearchOptions>>().Value;
        Assert.Equal(("gw-", "gw_catalog", TimeSpan.FromMinutes(5)), (options.IndexPrefix, options.CatalogIndex, options.TokenLifetime));
        Assert.Equal(["orders"], options.DedicatedIndexes);
        Assert.Same(provider.GetRequiredService<MeilisearchSearchEngine>(), provider.GetRequiredService<ISearchEngine>());
    }

    [Fact]
    public void The_engine_refuses_invalid_options()
    {
        using var http = new HttpClient { BaseAddress = new Uri("http://meili:7700/") };
        var options = Microsoft.Extensions.Options.Options.Create(new MeilisearchOptions { Url = "http://meili:7700", ApiKey = "key", TokenRefreshRatio = 0 });
        var client = new MeilisearchClient(http, options, TimeProvider.System);

        var error = Assert.Throws<ArgumentException>(() => new MeilisearchSearchEngine(client, options, TimeProvider.System));

        Assert.Contains("TokenRefreshRatio", error.Message, StringComparison.Ordinal);
    }
}
