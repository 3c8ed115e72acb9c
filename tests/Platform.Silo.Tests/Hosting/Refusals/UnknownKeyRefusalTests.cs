using Platform.Silo.Hosting.Refusals;
using Platform.Silo.Tests.Infrastructure;

namespace Platform.Silo.Tests.Hosting.Refusals;

/// <summary>A misspelt <c>Platform:*</c> key stops start-up and names the key that was meant, whatever its source.</summary>
public sealed class UnknownKeyRefusalTests
{
    [Fact]
    public async Task A_misspelt_argument_is_refused_with_the_nearest_key()
    {
        using var data = new TestData();
        await using var process = PlatformProcess.Start([$"--Platform:DataPath={data.Path}", .. RestartDurabilityTests.SiloPorts(), "--Platform:Lisen="]);
        await Refused.WithAsync(process, StartupRefusal.BadConfiguration, "unknown configuration key Platform:Lisen, did you mean Platform:Listen?");
    }

    [Fact]
    public async Task A_misspelt_environment_variable_is_refused_with_the_nearest_key()
    {
        using var data = new TestData();
        var environment = new Dictionary<string, string> { ["Platform__Lisen"] = "http://127.0.0.1:1", ["Platform__Cluster__SiloPrt"] = "1" };
        await using var process = PlatformProcess.StartWith(AppContext.BaseDirectory, environment,
            [$"--Platform:DataPath={data.Path}", .. RestartDurabilityTests.SiloPorts()]);
        await Refused.WithAsync(process, StartupRefusal.BadConfiguration,
            "unknown configuration key Platform:Cluster:SiloPrt, did you mean Platform:Cluster:SiloPort?; "
            + "unknown configuration key Platform:Lisen, did you mean Platform:Listen?");
    }

    [Fact]
    public async Task Nested_and_list_keys_of_the_options_types_are_accepted()
    {
        using var data = new TestData();
        await using var process = PlatformProcess.Start(
            [$"--Platform:DataPath={data.Path}", .. RestartDurabilityTests.SiloPorts(),
            "--Platform:Cors:AllowedOrigins:0=http://localhost:5173",
            "--Platform:Search:Meilisearch:Resilience:MaxRetryAttempts=0",
            "--platform:search:embedded:maxtotalhits=500",
            "--Platform:Tokens:ValidatedCacheSize=10",
            "--Platform:Tokens:ReuseShare=0.25",
            "--Platform:Telemetry:Prometheus=false"]);
        await process.WaitHealthyAsync();
    }
}
