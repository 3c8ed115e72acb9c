using System.Net;
using Platform.Silo.Tests.Infrastructure;

namespace Platform.Silo.Tests.Cluster;

/// <summary>
/// One cluster for the failover scenarios (they run in a fixed order, see <see cref="ScenarioOrderer"/>), with the
/// operator's setup done: one index shared by two tenants, each with a key for search, documents and tasks.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private ClusterTopology? _cluster;

    public ClusterTopology Cluster => _cluster ?? throw new InvalidOperationException("The cluster did not start.");

    public WriteLedger Ledger { get; } = new();

    public IReadOnlyList<LoadTenant> Tenants { get; private set; } = [];

    /// <summary>The silo the first scenario killed, for the second to restart.</summary>
    public SiloSlot? KilledSilo { get; set; }

    public IEnumerable<SiloSlot> Running => Cluster.Silos.Where(s => s.Process is { HasExited: false });

    public async Task InitializeAsync()
    {
        _cluster = await ClusterTopology.StartAsync();
        using var operatorClient = Cluster.Client(Cluster.Silos[0]);
        (await RetriedAsync(() => operatorClient.PostAsync("/indexes", new { uid = LoadGenerator.IndexUid, primaryKey = "id" })))
            .ShouldBe(HttpStatusCode.Accepted);
        var tenants = new List<LoadTenant>();
        foreach (var (uid, label) in new[] { ("alpha", "a"), ("beta", "b") })
        {
            (await RetriedAsync(() => operatorClient.PostAsync("/tenants", new { uid, rules = new[] { LoadGenerator.IndexUid } })))
                .ShouldBe(HttpStatusCode.Created);
            var body = new { actions = new[] { "search", "documents.*", "tasks.get" }, indexes = new[] { LoadGenerator.IndexUid }, expiresAt = (string?)null };
            var key = (await RetriedAsync(() => operatorClient.PostAsync($"/tenants/{uid}/keys", body))).ShouldBe(HttpStatusCode.Created).Json!;
            tenants.Add(new LoadTenant(uid, label, key["key"]!.GetValue<string>()));
        }

        Tenants = tenants;
    }

    /// <summary>
    /// The operator's set-up, retried on 503 as Meilisearch's clients retry: right after start-up, on a busy two-core
    /// machine, the first grain calls of a fresh cluster can outlast Orleans' response timeout.
    /// </summary>
    private static async Task<Reply> RetriedAsync(Func<Task<Reply>> send)
    {
        for (var attempt = 1; ; attempt++)
        {
            var reply = await send();
            if (reply.Status != HttpStatusCode.ServiceUnavailable || attempt == 10) return reply;
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    public LoadGenerator StartLoad(SiloSlot writer) => new(Tenants, Ledger, Running, writer);

    public async Task DisposeAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
    }
}

/// <summary>The failover scenarios start and kill processes: they run alone, after the parallel tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterFailoverCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster failover";
}
