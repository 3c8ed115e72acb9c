using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Silo.Tests.Infrastructure;

/// <summary>
/// The real application (<see cref="Program.BuildApp"/>) in this process: real Kestrel on a free loopback port,
/// a real Orleans silo on a free port (no gateway, the default), SQLite state in a temporary folder.
/// </summary>
public sealed class PlatformServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TestData _data;

    private PlatformServer(WebApplication app, TestData data, Uri address, string masterKey)
    {
        _app = app;
        _data = data;
        Address = address;
        MasterKey = masterKey;
        Client = new PlatformClient(address, masterKey);
    }

    public Uri Address { get; }

    public string MasterKey { get; }

    public PlatformClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static Task<PlatformServer> StartAsync(string masterKey = "MASTER_KEY", params string[] extraArgs) =>
        StartAsync(masterKey, time: null, extraArgs);

    /// <summary>
    /// Starts the host; with <paramref name="time"/>, that clock replaces <see cref="TimeProvider.System"/> for the API
    /// and the grains alike (token expiry, key expiry, minting).
    /// </summary>
    public static Task<PlatformServer> StartAsync(string masterKey, TimeProvider? time, params string[] extraArgs) =>
        StartAsync(masterKey, time, configureServices: null, extraArgs);

    /// <summary>Starts the host with <paramref name="configureServices"/> applied last (e.g. to decorate the engine).</summary>
    public static async Task<PlatformServer> StartAsync(string masterKey, TimeProvider? time,
        Action<IServiceCollection>? configureServices, params string[] extraArgs)
    {
        var data = new TestData();
        string[] args =
        [
            $"--Platform:MasterKey={masterKey}",
            $"--Platform:DataPath={data.Path}",
            "--Platform:Listen=http://127.0.0.1:0",
            $"--Platform:Cluster:SiloPort={FreePort.Next()}",
            "--Logging:LogLevel:Default=Warning",
            // Tests stop hosts at once; the drain itself is tested on its own (tests/Platform.Silo.Tests/Hosting/Health/).
            "--Platform:Shutdown:DrainSeconds=0",
            // Suites share one loopback client and send wrong keys on purpose; the limiter's own tests lower this.
            "--Platform:Auth:MaxFailedAttempts=1000000",
            .. extraArgs,
        ];
        var app = Program.BuildApp(args, services =>
        {
            if (time is not null) services.AddSingleton(time);
            configureServices?.Invoke(services);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new PlatformServer(app, data, new Uri(address), masterKey);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _data.Dispose();
    }
}
