using System.Collections.Concurrent;

namespace Platform.Silo.Tests.Cluster;

/// <summary>A tenant of the load: its uid, the label its documents carry, and its API key.</summary>
public sealed record LoadTenant(string Uid, string Label, string Key);

/// <summary>One request of the load, timed from the start of the load.</summary>
public sealed record RequestOutcome(string Silo, string Kind, TimeSpan Started, TimeSpan Ended, bool Succeeded, string Detail);

/// <summary>A write the platform acknowledged: 202 with a task uid.</summary>
public sealed record AcknowledgedWrite(string Tenant, IReadOnlyList<string> Ids, long TaskUid);

/// <summary>
/// Every acknowledged write of every load run against one cluster, and the per-tenant document counters, so ids keep
/// counting across scenarios. Each tenant counts from zero: the tenants write the same ids into the same index.
/// </summary>
public sealed class WriteLedger
{
    private readonly ConcurrentQueue<AcknowledgedWrite> _writes = new();
    private readonly ConcurrentDictionary<string, int> _next = new(StringComparer.Ordinal);

    public IReadOnlyList<AcknowledgedWrite> Writes => [.. _writes];

    public int NextSequence(string tenant) => _next.AddOrUpdate(tenant, 0, (_, n) => n + 1);

    public void Acknowledge(AcknowledgedWrite write) => _writes.Enqueue(write);

    public IReadOnlySet<string> AcknowledgedIds(string tenant) =>
        _writes.Where(w => w.Tenant == tenant).SelectMany(w => w.Ids).ToHashSet(StringComparer.Ordinal);
}
