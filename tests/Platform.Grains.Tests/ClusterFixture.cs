using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Serialization;
using Orleans.TestingHost;
using Platform.Grains.Serialization;
using Platform.Search.Embedded;
using Platform.Search.Engine;
using Platform.Search.Keys;

namespace Platform.Grains.Tests;

/// <summary>
/// A two-silo in-process cluster (in-memory transport, memory grain storage that still runs the storage
/// serializer) composed like the host (<c>AddPlatformGrains</c>), with the master key's secrets, one embedded engine
/// and a fake clock shared by both silos.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const string MasterKey = "MASTER_KEY";

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public ApiKeySecrets Secrets { get; } = new(MasterKey);

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>One real embedded engine shared by both silos (one engine owns a data folder).</summary>
    public LuceneSearchEngine Engine { get; }

    public ClusterFixture() => Engine = new LuceneSearchEngine(new EmbeddedEngineOptions { DataRoot = _dataRoot });

    private readonly string _dataRoot = Path.Combine(Path.GetTempPath(), "platform-grain-tests", Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureHost(host => host.Services.AddSerializer(serialization => serialization.AddPlatformSerialization()));
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(StorageNames.Platform);
            silo.Services.AddSingleton(Secrets);
            silo.Services.AddSingleton<TimeProvider>(Time);
            silo.Services.AddSingleton<ISearchEngine>(Engine);
            silo.Services.AddPlatformGrains();
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        Engine.Dispose();
        System.IO.Directory.Delete(_dataRoot, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
