using System.Net;
using System.Net.Sockets;
using Platform.Silo.Hosting.Refusals;
using Platform.Silo.Tests.Infrastructure;

namespace Platform.Silo.Tests.Hosting.Refusals;

/// <summary>
/// A port this process would listen on that something else holds refuses start-up, instead of a second silo joining
/// as a clone of the first (Orleans shares ports on Linux) and the running one being declared dead.
/// </summary>
public sealed class PortsInUseRefusalTests
{
    private const string MasterKey = "a-master-key-for-the-port-tests";
    private const string Advice =
        "(a second silo on a running silo's port would join as its clone and make it stop). Stop that process, or choose free ports.";

    [Theory]
    [InlineData("SiloPort")]
    [InlineData("GatewayPort")]
    [InlineData("Listen")]
    public async Task A_port_held_by_another_listener_is_refused_and_the_listener_is_unaffected(string which)
    {
        using var data = new TestData();
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;
        var (args, named) = Holding(which, port);

        await using (var process = PlatformProcess.Start([$"--Platform:DataPath={data.Path}", .. args]))
        {
            await Refused.WithAsync(process, StartupRefusal.EnvironmentConflict, $"{named}: port already in use by another process {Advice}");
        }

        // The owner still has its port: a connection reaches it.
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        using var accepted = await holder.AcceptTcpClientAsync();
        Assert.True(accepted.Connected);
    }

    /// <summary>The arguments that put <paramref name="which"/> on the held port, and how the refusal names it.</summary>
    private static (string[] Args, string Named) Holding(string which, int port)
    {
        string[] otherPorts = RestartDurabilityTests.SiloPorts();
        return which switch
        {
            "SiloPort" => ([$"--Platform:Cluster:SiloPort={port}"], $"Platform:Cluster:SiloPort 127.0.0.1:{port}"),
            "GatewayPort" => ([$"--Platform:Cluster:GatewayPort={port}", .. otherPorts], $"Platform:Cluster:GatewayPort 127.0.0.1:{port}"),
            _ => ([$"--Platform:Listen=http://127.0.0.1:{port}", .. otherPorts], $"Platform:Listen http://127.0.0.1:{port}"),
        };
    }

    [Fact]
    public async Task A_second_silo_on_a_running_silos_port_is_refused_and_the_running_silo_keeps_serving()
    {
        using var runningData = new TestData();
        using var secondData = new TestData();
        var siloPort = FreePort.Next();
        await using var running = PlatformProcess.Start($"--Platform:DataPath={runningData.Path}", $"--Platform:MasterKey={MasterKey}", $"--Platform:Cluster:SiloPort={siloPort}");
        await running.WaitHealthyAsync();
        using var client = new PlatformClient(running.Address, MasterKey);
        await client.CreateTenantAsync("before-the-clone");

        await using (var clone = PlatformProcess.Start($"--Platform:DataPath={secondData.Path}", $"--Platform:MasterKey={MasterKey}", $"--Platform:Cluster:SiloPort={siloPort}"))
        {
            await Refused.WithAsync(clone, StartupRefusal.EnvironmentConflict, $"Platform:Cluster:SiloPort 127.0.0.1:{siloPort}: port already in use by another process {Advice}");
        }

        (await client.GetAsync("/tenants/before-the-clone")).ShouldBe(HttpStatusCode.OK);
        await client.CreateTenantAsync("after-the-clone");
        Assert.Contains(ListeningSockets.Of(running.Id), e => e.Port == siloPort);
    }
}
