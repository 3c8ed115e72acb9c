using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Api.Json;
using Platform.Meilisearch.StandIn.Auth;
using Platform.Meilisearch.StandIn.Engine;
using Platform.Meilisearch.StandIn.Hosting;
using Platform.Meilisearch.StandIn.Routes;
using Platform.Meilisearch.StandIn.Tasks;
using Platform.Search.Embedded;

namespace Platform.Meilisearch.StandIn;

/// <summary>
/// A Meilisearch stand-in for tests (see this project's README.md): the subset of Meilisearch's HTTP API that the
/// platform's Meilisearch client uses, on the embedded engine, with Meilisearch's authentication. Start one with
/// <see cref="StartAsync(string, CancellationToken)"/>; it listens on a free loopback port and keeps its data in a temporary folder that
/// <see cref="DisposeAsync"/> deletes.
/// </summary>
public sealed class StandInMeilisearch : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _dataRoot;
    private readonly bool _ownsDataRoot;

    private StandInMeilisearch(WebApplication app, string masterKey, string dataRoot, bool ownsDataRoot)
    {
        _app = app;
        MasterKey = masterKey;
        _dataRoot = dataRoot;
        _ownsDataRoot = ownsDataRoot;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Url = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    /// <summary>The base address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Url { get; }

    /// <summary>The master key it was started with.</summary>
    public string MasterKey { get; }

    /// <summary>Starts a stand-in on a free loopback port with a fresh temporary data folder.</summary>
    public static Task<StandInMeilisearch> StartAsync(string masterKey, CancellationToken cancellationToken = default) =>
        StartAsync(masterKey, "http://127.0.0.1:0", dataRoot: null, TimeProvider.System, cancellationToken);

    /// <summary>
    /// Starts a stand-in on <paramref name="url"/> (port 0 picks a free one). <paramref name="dataRoot"/> null means a
    /// fresh temporary folder, deleted on dispose; <paramref name="time"/> is the clock of keys, tokens and tasks.
    /// </summary>
    public static async Task<StandInMeilisearch> StartAsync(string masterKey, string url, string? dataRoot, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(masterKey);
        ArgumentNullException.ThrowIfNull(time);
        var ownsDataRoot = dataRoot is null;
        dataRoot ??= Directory.CreateTempSubdirectory("meili-standin-").FullName;

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton(new StandInSecrets(masterKey));
        builder.Services.AddSingleton(s => new KeyStore(masterKey, time));
        builder.Services.AddSingleton<StandInAuthenticator>();
        builder.Services.AddSingleton<TaskQueue>();
        builder.Services.AddSingleton(s => new StandInIndexes(new LuceneSearchEngine(new EmbeddedEngineOptions { DataRoot = dataRoot }, time), time));

        var app = builder.Build();
        app.UseMiddleware<StandInErrors>();
        app.MapSystemRoutes();
        app.MapIndexRoutes();
        app.MapSettingsRoutes();
        app.MapDocumentRoutes();
        app.MapSearchRoutes();
        app.MapTaskRoutes();
        app.MapKeyRoutes();
        await app.StartAsync(cancellationToken);
        return new StandInMeilisearch(app, masterKey, dataRoot, ownsDataRoot);
    }

    /// <summary>Completes when the host stops (Ctrl+C or SIGTERM in the process mode).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_ownsDataRoot)
        {
            try
            {
                Directory.Delete(_dataRoot, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open; the folder is under the temp directory.
            }
        }
    }
}
