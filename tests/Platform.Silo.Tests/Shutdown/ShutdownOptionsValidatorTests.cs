using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Platform.Silo.Hosting.Shutdown;
using Platform.Silo.Tests.Infrastructure;

namespace Platform.Silo.Tests.Shutdown;

/// <summary><c>Platform:Shutdown:DrainSeconds</c>: its bounds, and the host's shutdown timeout derived from it.</summary>
public sealed class ShutdownOptionsValidatorTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(ShutdownOptions.MaxDrainSeconds)]
    public void Drain_seconds_from_0_to_the_maximum_are_accepted(int seconds) =>
        Assert.True(new ShutdownOptionsValidator().Validate(null, new ShutdownOptions { DrainSeconds = seconds }).Succeeded);

    [Theory]
    [InlineData(-1)]
    [InlineData(ShutdownOptions.MaxDrainSeconds + 1)]
    public void Drain_seconds_out_of_bounds_are_refused_naming_the_key(int seconds)
    {
        var result = new ShutdownOptionsValidator().Validate(null, new ShutdownOptions { DrainSeconds = seconds });

        Assert.True(result.Failed);
        Assert.Equal($"Platform:Shutdown:DrainSeconds must be 0-{ShutdownOptions.MaxDrainSeconds}, not {seconds}.", Assert.Single(result.Failures!));
    }

    [Fact]
    public void A_bad_drain_stops_the_host_before_it_is_built()
    {
        using var data = new TestData();

        var error = Assert.Throws<OptionsValidationException>(() => Program.BuildApp(
        [
            "--Platform:MasterKey=MASTER_KEY", $"--Platform:DataPath={data.Path}", "--Platform:Shutdown:DrainSeconds=-5",
        ]));
        Assert.Contains($"Platform:Shutdown:DrainSeconds must be 0-{ShutdownOptions.MaxDrainSeconds}, not -5.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_host_waits_the_drain_plus_the_stop_allowance()
    {
        using var data = new TestData();
        await using var app = Program.BuildApp(
        [
            "--Platform:MasterKey=MASTER_KEY", $"--Platform:DataPath={data.Path}", "--Platform:Shutdown:DrainSeconds=12",
        ]);

        var host = app.Services.GetRequiredService<IOptions<HostOptions>>().Value;
        Assert.Equal(TimeSpan.FromSeconds(12) + ShutdownOptions.StopAllowance, host.ShutdownTimeout);
        Assert.False(host.ServicesStopConcurrently);
    }
}
