using System.Globalization;
using System.Net;
using Platform.Silo.Tests.Infrastructure;

namespace Platform.Silo.Tests.Cluster;

/// <summary>What one tenant finds through one silo, compared with what the platform acknowledged to it.</summary>
public sealed record TenantAudit(string Silo, string Tenant, int Acknowledged, int Found, IReadOnlyList<string> Missing, int Foreign, int TasksNotSucceeded)
{
    public bool Clean => Missing.Count == 0 && Foreign == 0 && TasksNotSucceeded == 0;

    public override string ToString() =>
        $"{Tenant} via {Silo}: {Acknowledged} acknowledged, {Found} found, {Missing.Count} missing ({string.Join(", ", Missing.Take(5))}), " +
        $"{Foreign} of another tenant, {TasksNotSucceeded} acknowledged tasks not succeeded";
}

/// <summary>
/// Reads every document of each tenant back through a silo, with the tenant's own key, and checks each acknowledged
/// id is there, carries the tenant's label (the tenants share ids, so a crossed line shows as a wrong label), and
/// that each acknowledged task reads back as succeeded.
/// </summary>
public static class ClusterAudit
{
    private const int PageSize = 1000;
    private const int TaskBatch = 100;

    public static async Task<IReadOnlyList<TenantAudit>> RunAsync(IEnumerable<SiloSlot> silos, IReadOnlyList<LoadTenant> tenants, WriteLedger ledger)
    {
        var audits = new List<TenantAudit>();
        foreach (var silo in silos)
        {
            using var client = new PlatformClient(silo.Address, ClusterTopology.MasterKey);
            foreach (var tenant in tenants) audits.Add(await AuditAsync(client, silo, tenant, ledger));
        }

        return audits;
    }

    private static async Task<TenantAudit> AuditAsync(PlatformClient client, SiloSlot silo, LoadTenant tenant, WriteLedger ledger)
    {
        var acknowledged = ledger.AcknowledgedIds(tenant.Uid);
        var found = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var offset = 0; ; offset += PageSize)
        {
            var page = (await client.GetAsync($"/indexes/{LoadGenerator.IndexUid}/documents?limit={PageSize}&offset={offset}", tenant.Key))
                .ShouldBe(HttpStatusCode.OK).Json!;
            var results = page["results"]!.AsArray();
            foreach (var document in results) found[document!["id"]!.GetValue<string>()] = document["tenant"]?.GetValue<string>();
            if (results.Count < PageSize) break;
        }

        var missing = acknowledged.Where(id => !found.ContainsKey(id)).Order(StringComparer.Ordinal).ToList();
        var foreign = found.Values.Count(label => label != tenant.Label);
        var tasks = ledger.Writes.Where(w => w.Tenant == tenant.Uid).Select(w => w.TaskUid).ToList();
        return new TenantAudit(silo.Name, tenant.Uid, acknowledged.Count, found.Count, missing, foreign, await TasksNotSucceededAsync(client, tenant, tasks));
    }

    private static async Task<int> TasksNotSucceededAsync(PlatformClient client, LoadTenant tenant, IReadOnlyList<long> uids)
    {
        var succeeded = 0;
        foreach (var batch in uids.Chunk(TaskBatch))
        {
            var list = string.Join(',', batch.Select(u => u.ToString(CultureInfo.InvariantCulture)));
            var page = (await client.GetAsync($"/tasks?uids={list}&limit={TaskBatch}", tenant.Key)).ShouldBe(HttpStatusCode.OK).Json!;
            succeeded += page["results"]!.AsArray().Count(t => t!["status"]!.GetValue<string>() == "succeeded");
        }

        return uids.Count - succeeded;
    }
}
