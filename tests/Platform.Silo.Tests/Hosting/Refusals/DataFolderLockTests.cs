using System.Net;
using Platform.Silo.Hosting.Refusals;
using Platform.Silo.Tests.Infrastructure;

namespace Platform.Silo.Tests.Hosting.Refusals;

/// <summary>
/// One process per data folder: a second one is refused, naming the folder and the holder's pid, while the first
/// keeps serving; the lock is the operating system's, so it dies with its process and a restart after SIGKILL works.
/// </summary>
public sealed class DataFolderLockTests
{
    private const string MasterKey = "a-master-key-for-the-lock-tests";

    [Fact]
    public async Task A_second_process_on_the_same_folder_is_refused_and_the_first_keeps_serving()
    {
        using var data = new TestData();
        string[] Args() => [$"--Platform:DataPath={data.Path}", $"--Platform:MasterKey={MasterKey}", .. RestartDurabilityTests.SiloPorts()];
        await using var first = PlatformProcess.Start(Args());
        await first.WaitHealthyAsync();
        using var client = new PlatformClient(first.Address, MasterKey);
        await client.CreateTenantAsync("before-the-second");

        await using (var second = PlatformProcess.Start(Args()))
        {
            var folder = Path.GetFullPath(data.Path);
            await Refused.WithAsync(second, StartupRefusal.EnvironmentConflict,
                $"Platform:DataPath {folder} is in use by process {first.Id} (lock file {Path.Combine(folder, ".lock")}); "
                + "two processes on one data folder lose data. Stop that process, or give this one its own data folder.");
        }

        (await client.GetAsync("/tenants/before-the-second")).ShouldBe(HttpStatusCode.OK);
        await client.CreateTenantAsync("after-the-second");
        Assert.Equal(2, (await client.GetAsync("/tenants")).ShouldBe(HttpStatusCode.OK).Json!["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task After_a_sigkill_of_the_holder_a_new_process_starts_on_the_folder()
    {
        using var data = new TestData();
        string[] Args() => [$"--Platform:DataPath={data.Path}", $"--Platform:MasterKey={MasterKey}", .. RestartDurabilityTests.SiloPorts()];
        await using (var crashed = PlatformProcess.Start(Args()))
        {
            await crashed.WaitHealthyAsync();
            using var client = new PlatformClient(crashed.Address, MasterKey);
            await client.CreateTenantAsync("survives-the-crash");
            await crashed.KillAsync();
        }

        await using var restarted = PlatformProcess.Start(Args());
        await restarted.WaitHealthyAsync();
        using var again = new PlatformClient(restarted.Address, MasterKey);
        (await again.GetAsync("/tenants/survives-the-crash")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(restarted.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), await File.ReadAllTextAsync(Path.Combine(data.Path, ".lock.pid")));
    }
}
