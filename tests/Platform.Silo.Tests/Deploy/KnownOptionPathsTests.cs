using Platform.Search.Meilisearch;
using Platform.ServiceDefaults;
using Platform.Silo.Hosting;

namespace Platform.Silo.Tests.Deploy;

/// <summary>The option paths the deploy tests check against are really derived from the options types.</summary>
public sealed class KnownOptionPathsTests
{
    [Fact]
    public void Nested_options_lists_and_every_section_are_found()
    {
        Assert.Contains(typeof(MeilisearchOptions), KnownOptionPaths.OptionsTypes);
        Assert.Contains(typeof(TelemetryOptions), KnownOptionPaths.OptionsTypes);
        Assert.True(KnownOptionPaths.IsKnown($"{PlatformOptions.SectionName}__{nameof(PlatformOptions.Cluster)}__{nameof(PlatformClusterOptions.AdvertisedAddress)}"));
        Assert.True(KnownOptionPaths.IsKnown($"{MeilisearchOptions.SectionName}:{nameof(MeilisearchOptions.Resilience)}:{nameof(MeilisearchResilienceOptions.MaxRetryAttempts)}"));
        Assert.True(KnownOptionPaths.IsKnown($"{MeilisearchOptions.SectionName}:{nameof(MeilisearchOptions.DedicatedIndexes)}:0"));
        Assert.True(KnownOptionPaths.IsKnown(SearchEngineExtensions.EngineKey));
    }

    [Fact]
    public void Typos_and_computed_properties_are_not_options()
    {
        Assert.False(KnownOptionPaths.IsKnown("Platform__Lisen"));
        Assert.False(KnownOptionPaths.IsKnown($"{PlatformOptions.SectionName}:{nameof(PlatformOptions.IsProduction)}"));
        Assert.False(KnownOptionPaths.IsKnown($"{PlatformOptions.SectionName}:{nameof(PlatformOptions.Cluster)}"));
        Assert.False(KnownOptionPaths.IsKnown($"{MeilisearchOptions.SectionName}:{nameof(MeilisearchOptions.Url)}:0"));
    }
}
