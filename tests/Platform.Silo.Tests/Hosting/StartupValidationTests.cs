using Platform.Silo.Hosting.Refusals;
using Platform.Silo.Tests.Hosting.Refusals;
using Platform.Silo.Tests.Infrastructure;

namespace Platform.Silo.Tests.Hosting;

/// <summary>Bad settings stop the process before it serves anything, with one line naming the key.</summary>
public sealed class StartupValidationTests
{
    [Theory]
    [InlineData(new[] { "--Platform:Environment=production" }, "Platform:MasterKey (or PLATFORM_MASTER_KEY) is required")]
    [InlineData(new[] { "--Platform:Environment=production", "--Platform:MasterKey=short" }, "Platform:MasterKey must be at least 16 bytes")]
    [InlineData(new[] { "--Platform:Environment=staging" }, "Platform:Environment must be")]
    [InlineData(new[] { "--Platform:Listen=not a url" }, "Platform:Listen must be")]
    [InlineData(new[] { "--Platform:Cluster:Redis=127.0.0.1:1" }, "Platform:MasterKey is required when Platform:Cluster:Redis is set")]
    [InlineData(new[] { "--Platform:Search:Engine=elastic" }, "Platform:Search:Engine must be `embedded` or `meilisearch`")]
    [InlineData(new[] { "--Platform:Search:Engine=meilisearch" }, "Platform:Search:Meilisearch:Url")]
    [InlineData(new[] { "--Platform:Search:Engine=meilisearch", "--Platform:Search:Meilisearch:Url=http://127.0.0.1:1" }, "Platform:Search:Meilisearch:ApiKey")]
    [InlineData(new[] { "--Platform:Tokens:BackendCacheSizePerTenant=0" }, "Platform:Tokens:BackendCacheSizePerTenant must be at least 1")]
    [InlineData(new[] { "--Platform:Tokens:ReuseShare=1" }, "Platform:Tokens:ReuseShare must be between 0 and 1")]
    [InlineData(new[] { "--Platform:Tasks:MaxRetained=0" }, "Platform:Tasks:MaxRetained must be between 1 and 1,000,000")]
    [InlineData(new[] { "--Platform:Cluster:AdvertisedAddress=0.0.0.0" }, "Platform:Cluster:AdvertisedAddress must be this silo's own address, not the wildcard")]
    public async Task Invalid_settings_fail_start_with_the_key_named(string[] args, string expected)
    {
        using var data = new TestData();
        await using var process = PlatformProcess.Start([$"--Platform:DataPath={data.Path}", .. RestartDurabilityTests.SiloPorts(), .. args]);
        // One line on stderr and exit code 1 (bad configuration), no stack trace (docs/operations.md, "Start-up refusals").
        var line = await Refused.LineAsync(process, StartupRefusal.BadConfiguration);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_with_a_long_enough_key_starts()
    {
        using var data = new TestData();
        await using var process = PlatformProcess.Start(
            [$"--Platform:DataPath={data.Path}", "--Platform:Environment=production", "--Platform:MasterKey=0123456789abcdef", .. RestartDurabilityTests.SiloPorts()]);
        await process.WaitHealthyAsync();
        Assert.False(File.Exists(Path.Combine(data.Path, "master-key")));
    }
}
