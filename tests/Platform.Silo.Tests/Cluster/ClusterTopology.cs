using System.Globalization;
using Platform.Silo.Tests.Infrastructure;

namespace Platform.Silo.Tests.Cluster;

/// <summary>
/// The production topology as processes on loopback, free ports everywhere: a real <c>redis-server</c> with AOF, the
/// Meilisearch stand-in, and <see cref="SiloCount"/> silos of the real host on the Meilisearch engine, clustered
/// through Redis. Each silo opens an Orleans gateway on loopback for <see cref="ActivationLocator"/> only.
/// </summary>
public sealed class ClusterTopology : IAsyncDisposable
{
    public const int SiloCount = 3;
    public const string MasterKey = "failover-master-key-shared-by-every-silo";
    private const string MeilisearchKey = "failover-meilisearch-master-key";

    private readonly TestData _data;

    private ClusterTopology(TestData data, RedisServer redis, StandInProcess meilisearch, IReadOnlyList<SiloSlot> silos, string clusterId)
    {
        _data = data;
        Redis = redis;
        Meilisearch = meilisearch;
        Silos = silos;
        ClusterId = clusterId;
    }

    public RedisServer Redis { get; }

    public StandInProcess Meilisearch { get; }

    public IReadOnlyList<SiloSlot> Silos { get; }

    public string ClusterId { get; }

    /// <summary>The gateway ports, one per silo, in slot order.</summary>
    public IReadOnlyList<int> GatewayPorts { get; private init; } = [];

    public static async Task<ClusterTopology> StartAsync()
    {
        var data = new TestData();
        RedisServer? redis = null;
        StandInProcess? meilisearch = null;
        try
        {
            redis = await RedisServer.StartPersistentAsync(Path.Combine(data.Path, "redis"));
            meilisearch = await StandInProcess.StartAsync(MeilisearchKey, Path.Combine(data.Path, "meilisearch"));
            var clusterId = "failover-" + Guid.NewGuid().ToString("N")[..8];
            var gateways = new List<int>();
            var silos = new List<SiloSlot>();
            for (var i = 0; i < SiloCount; i++)
            {
                var (siloPort, gatewayPort) = (FreePort.Next(), FreePort.Next());
                gateways.Add(gatewayPort);
                silos.Add(new SiloSlot(i, SiloArguments(data, redis, meilisearch, clusterId, i, siloPort, gatewayPort), FreePort.Next(), siloPort));
            }

            var topology = new ClusterTopology(data, redis, meilisearch, silos, clusterId) { GatewayPorts = gateways };
            foreach (var silo in silos) silo.Start();
            await Task.WhenAll(silos.Select(s => s.Process!.WaitReadyAsync(TimeSpan.FromSeconds(120))));
            return topology;
        }
        catch
        {
            if (meilisearch is not null) await meilisearch.DisposeAsync();
            if (redis is not null) await redis.DisposeAsync();
            data.Dispose();
            throw;
        }
    }

    public PlatformClient Client(SiloSlot silo) => new(silo.Address, MasterKey);

    private static string[] SiloArguments(TestData data, RedisServer redis, StandInProcess meilisearch, string clusterId, int index, int siloPort, int gatewayPort)
    {
        var folder = Path.Combine(data.Path, "silo" + index.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        return
        [
            $"--Platform:MasterKey={MasterKey}",
            $"--Platform:DataPath={folder}",
            $"--Platform:Cluster:Redis={redis.ConnectionString}",
            $"--Platform:Cluster:ClusterId={clusterId}",
            $"--Platform:Cluster:SiloPort={siloPort}",
            $"--Platform:Cluster:GatewayPort={gatewayPort}",
            "--Platform:Search:Engine=meilisearch",
            $"--Platform:Search:Meilisearch:Url={meilisearch.Url}",
            $"--Platform:Search:Meilisearch:ApiKey={meilisearch.MasterKey}",
        ];
    }

    public async ValueTask DisposeAsync()
    {
        // Silos first, so none of them is left retrying a Redis that is gone.
        foreach (var silo in Silos) await silo.DisposeAsync();
        await Meilisearch.DisposeAsync();
        await Redis.DisposeAsync();
        _data.Dispose();
    }
}
