using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Platform.Silo.Tests.Infrastructure;

namespace Platform.Silo.Tests.Hosting;

/// <summary>
/// The Orleans ports are no side door around the REST API's authentication: with the defaults there is no gateway,
/// the silo port listens on loopback only, and a plain grain client gets in nowhere. The control case shows the same
/// client does get in (and can call grains) where an operator opens a gateway, so the refusals are not an artefact.
/// </summary>
public sealed class OrleansPortsTests
{
    private static readonly TimeSpan ConnectBudget = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task With_the_defaults_the_process_listens_on_its_http_port_and_a_loopback_silo_port_only()
    {
        using var data = new TestData();
        var siloPort = FreePort.Next();
        await using var process = PlatformProcess.Start($"--Platform:DataPath={data.Path}", $"--Platform:Cluster:SiloPort={siloPort}");
        await process.WaitHealthyAsync();

        var listening = ListeningSockets.Of(process.Id).Select(e => e.ToString()).Order(StringComparer.Ordinal);
        string[] expected = [$"127.0.0.1:{process.Address.Port}", $"127.0.0.1:{siloPort}"];
        Assert.Equal(expected.Order(StringComparer.Ordinal), listening);
    }

    [Fact]
    public async Task With_the_defaults_a_grain_client_cannot_connect_to_any_port_of_the_process()
    {
        using var data = new TestData();
        await using var process = PlatformProcess.Start([$"--Platform:DataPath={data.Path}", .. RestartDurabilityTests.SiloPorts()]);
        await process.WaitHealthyAsync();

        var orleansPorts = ListeningSockets.Of(process.Id).Where(e => e.Port != process.Address.Port).ToList();
        Assert.NotEmpty(orleansPorts);
        foreach (var endpoint in orleansPorts)
        {
            using var budget = new CancellationTokenSource(ConnectBudget);
            await Assert.ThrowsAnyAsync<Exception>(async () =>
            {
                using var client = await GrainClient.ConnectAsync(endpoint, budget.Token);
            });
        }
    }

    [Fact]
    public async Task A_gateway_turned_on_by_the_operator_listens_on_loopback_only_and_admits_grain_clients()
    {
        using var data = new TestData();
        var gatewayPort = FreePort.Next();
        await using var process = PlatformProcess.Start(
            [$"--Platform:DataPath={data.Path}", $"--Platform:Cluster:GatewayPort={gatewayPort}", .. RestartDurabilityTests.SiloPorts()]);
        await process.WaitHealthyAsync();

        var gateway = Assert.Single(ListeningSockets.Of(process.Id), e => e.Port == gatewayPort);
        Assert.Equal(IPAddress.Loopback, gateway.Address);

        // The trusted-network port it is documented to be: no credentials asked, any grain callable.
        using var budget = new CancellationTokenSource(ConnectBudget);
        using var client = await GrainClient.ConnectAsync(gateway, budget.Token);
        var hosts = await client.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        Assert.Single(hosts);
    }
}
