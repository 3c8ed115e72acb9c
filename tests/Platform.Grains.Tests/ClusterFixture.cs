using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using Platform.Grains;
using Platform.Search.Keys;

namespace Platform.Grains.Tests;

/// <summary>
/// A two-silo in-process cluster (in-memory transport, memory grain storage that still runs the storage
/// serializer) with the grains' dependencies: the master key's secrets and a fake clock shared by both silos.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const string MasterKey = "MASTER_KEY";

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public ApiKeySecrets Secrets { get; } = new(MasterKey);

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(StorageNames.Platform);
            silo.Services.AddSingleton(Secrets);
            silo.Services.AddSingleton<TimeProvider>(Time);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
