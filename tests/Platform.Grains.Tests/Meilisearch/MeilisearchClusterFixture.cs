using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Concurrency;
using Orleans.Serialization;
using Orleans.TestingHost;
using Platform.Grains.Serialization;
using Platform.Grains.Tenants;
using Platform.Search.Engine;
using Platform.Search.Keys;
using Platform.Search.Meilisearch.Tests.Infrastructure;

namespace Platform.Grains.Tests.Meilisearch;

/// <summary>
/// A one-silo cluster composed like the host (<c>AddPlatformGrains</c>) whose grains run on the production Meilisearch engine registration
/// (<c>AddMeilisearchSearchEngine</c>: typed client, resilience pipeline, engine) pointed at the recording endpoint,
/// with a fake clock for token lifetimes. One silo keeps the script's order deterministic: each silo has its own engine.
/// The engine finds its search key during start-up, so tests begin with a ready engine and an empty script.
/// </summary>
public sealed class MeilisearchClusterFixture : IAsyncLifetime
{
    public const string AdminKey = "admin-key-0123456789abcdef";


    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.Zero));

    internal RecordingMeilisearch Server { get; private set; } = null!;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        Server = await RecordingMeilisearch.StartAsync();
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureHost(host => host.Services.AddSerializer(serialization => serialization.AddPlatformSerialization()));
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(StorageNames.Platform);
            silo.Services.AddSingleton(new ApiKeySecrets(ClusterFixture.MasterKey));
            silo.Services.AddSingleton<TimeProvider>(Time);
            silo.Services.AddPlatformGrains();
            silo.Services.AddMeilisearchSearchEngine(options =>
            {
                options.Url = Server.BaseAddress.ToString();
                options.ApiKey = AdminKey;
                options.Resilience.MaxRetryAttempts = 0; // one scripted answer per call
            });
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();

        Server.Enqueue(SearchKey(), SearchAnswer());
        var warmUp = Grains.GetGrain<ITenantGrain>("warm-up");
        await warmUp.Create(new TenantChanges());
        await warmUp.Search("products", new SearchRequest().AsImmutable());
        Server.Reset();
    }

    internal static ScriptedResponse SearchKey() => BackendTokens.SearchKey();

    internal static ScriptedResponse SearchAnswer() =>
        ScriptedResponse.Ok("""{"hits":[],"query":"","processingTimeMs":1,"limit":20,"offset":0,"estimatedTotalHits":0}""");

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Server.DisposeAsync();
    }
}
