using Microsoft.Extensions.Configuration;
using Platform.Silo.Hosting;
using Platform.Silo.Hosting.Refusals;
using Platform.Silo.Tests.Infrastructure;

namespace Platform.Silo.Tests.Hosting.Refusals;

/// <summary>
/// Cluster mode on the embedded engine loses acknowledged documents when a tenant's grain moves, so it does not
/// start; a cluster on Meilisearch, and a single silo on the embedded engine, do.
/// </summary>
public sealed class ClusterEngineRefusalTests
{
    private const string Refusal =
        "Platform:Cluster:Redis is set (cluster mode) but Platform:Search:Engine is `embedded` (set or by default), which keeps "
        + "each silo's documents on its own disk and loses acknowledged writes when a tenant moves between silos. "
        + "Set Platform:Search:Engine=meilisearch with Platform:Search:Meilisearch:Url and Platform:Search:Meilisearch:ApiKey, "
        + "or unset Platform:Cluster:Redis to run a single silo.";

    [Fact]
    public async Task A_clustered_silo_on_the_default_engine_is_refused_before_it_joins()
    {
        using var data = new TestData();
        await using var process = PlatformProcess.Start(
            [$"--Platform:DataPath={data.Path}", "--Platform:MasterKey=0123456789abcdef", "--Platform:Cluster:Redis=127.0.0.1:1", .. RestartDurabilityTests.SiloPorts()]);
        await Refused.WithAsync(process, StartupRefusal.BadConfiguration, Refusal);
    }

    [Theory]
    [InlineData("127.0.0.1:6379", null, true)]
    [InlineData("127.0.0.1:6379", "embedded", true)]
    [InlineData("127.0.0.1:6379", "Embedded", true)]
    [InlineData("127.0.0.1:6379", "meilisearch", false)]
    [InlineData(null, null, false)]
    [InlineData(null, "embedded", false)]
    public void Only_cluster_mode_on_the_embedded_engine_is_refused(string? redis, string? engine, bool refused)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [SearchEngineExtensions.EngineKey] = engine }).Build();
        var options = new PlatformOptions { Cluster = { Redis = redis } };

        var error = Record.Exception(() => ClusterEngineRefusal.ThrowIfEmbeddedInCluster(configuration, options));

        if (!refused)
        {
            Assert.Null(error);
            return;
        }

        var refusal = Assert.IsType<StartupRefusal>(error);
        Assert.Equal(StartupRefusal.BadConfiguration, refusal.ExitCode);
        Assert.Equal(Refusal, refusal.Message);
    }
}
