using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Platform.Search.Meilisearch.Tests.Options;

public sealed class MeilisearchOptionsValidatorTests
{
    private static readonly MeilisearchOptionsValidator Validator = new();

    [Fact]
    public void Valid_options_pass()
    {
        var result = Validator.Validate(null, new MeilisearchOptions { Url = "https://search.internal:7700", ApiKey = "key" });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Every_error_is_reported_at_once_and_names_its_key()
    {
        var options = new MeilisearchOptions
        {
            Url = "ftp://example.org",
            ApiKey = " ",
            Timeout = TimeSpan.Zero,
            SearchTimeout = TimeSpan.FromDays(2),
            Resilience = new MeilisearchResilienceOptions
            {
                MaxRetryAttempts = -1,
                RetryBaseDelay = TimeSpan.FromSeconds(2),
                RetryMaxDelay = TimeSpan.FromSeconds(1),
                CircuitFailureRatio = 0,
                CircuitMinimumThroughput = 1,
                CircuitSamplingDuration = TimeSpan.FromMilliseconds(10),
                CircuitBreakDuration = TimeSpan.FromMilliseconds(10),
            },
        };

        var failures = Validator.Validate(null, options).Failures!.ToList();

        string[] keys =
        [
            "Platform:Search:Meilisearch:Url must be an absolute http(s) URL",
            "Platform:Search:Meilisearch:ApiKey is required",
            "Platform:Search:Meilisearch:Timeout ",
            "Platform:Search:Meilisearch:SearchTimeout ",
            "Platform:Search:Meilisearch:Resilience:MaxRetryAttempts ",
            "Platform:Search:Meilisearch:Resilience:RetryMaxDelay ",
            "Platform:Search:Meilisearch:Resilience:CircuitFailureRatio ",
            "Platform:Search:Meilisearch:Resilience:CircuitMinimumThroughput ",
            "Platform:Search:Meilisearch:Resilience:CircuitSamplingDuration ",
            "Platform:Search:Meilisearch:Resilience:CircuitBreakDuration ",
        ];
        Assert.Equal(keys.Length, failures.Count);
        foreach (var key in keys)
        {
            Assert.Contains(failures, f => f.StartsWith(key, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("localhost:7700")]
    [InlineData("/relative")]
    [InlineData("file:///etc/passwd")]
    public void Url_must_be_absolute_http_or_https(string? url)
    {
        var result = Validator.Validate(null, new MeilisearchOptions { Url = url, ApiKey = "key" });

        Assert.Equal("Platform:Search:Meilisearch:Url must be an absolute http(s) URL (got '" + url + "').", Assert.Single(result.Failures!));
    }

    [Fact]
    public void The_registration_fails_fast_with_the_named_keys()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Platform:Search:Meilisearch:Url"] = "not a url",
        }).Build());
        services.AddMeilisearchClient();
        using var provider = services.BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<MeilisearchClient>());

        Assert.Contains(e.Failures, f => f.StartsWith("Platform:Search:Meilisearch:Url ", StringComparison.Ordinal));
        Assert.Contains(e.Failures, f => f.StartsWith("Platform:Search:Meilisearch:ApiKey ", StringComparison.Ordinal));
    }

    [Fact]
    public void Configuration_binds_every_setting()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Platform:Search:Meilisearch:Url"] = "http://meili:7700",
            ["Platform:Search:Meilisearch:ApiKey"] = "from-env",
            ["Platform:Search:Meilisearch:Timeout"] = "00:00:20",
            ["Platform:Search:Meilisearch:SearchTimeout"] = "00:00:02",
            ["Platform:Search:Meilisearch:Resilience:MaxRetryAttempts"] = "5",
            ["Platform:Search:Meilisearch:Resilience:CircuitBreakDuration"] = "00:00:30",
        }).Build());
        services.AddMeilisearchClient();
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<MeilisearchOptions>>().Value;

        Assert.Equal(("http://meili:7700", "from-env"), (options.Url, options.ApiKey));
        Assert.Equal((TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(2)), (options.Timeout, options.SearchTimeout));
        Assert.Equal(5, options.Resilience.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Resilience.CircuitBreakDuration);
        Assert.Equal(new AdminCredential("from-env"), provider.GetRequiredService<MeilisearchClient>().ConfiguredAdminCredential);
    }
}
