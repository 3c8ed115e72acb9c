using Platform.Grains.Keys;
using Platform.Grains.Tasks;

namespace Platform.Grains.Tenants;

/// <summary>
/// One grain per tenant, keyed by the tenant uid. Holds the tenant's settings and the uids of its API keys and is
/// the only writer of both. Commands are not reentrant; queries are <see cref="ReadOnlyAttribute">[ReadOnly]</see> and may interleave.
/// </summary>
[Alias("platform.tenant.v1")]
public interface ITenantGrain : ITenantDocuments, ITenantSearch, ITenantTokens
{
    /// <summary>The directory that lists every tenant uid.</summary>
    public const string DirectoryKey = "tenants";

    /// <summary>The tenant, or null when it does not exist. Read-only.</summary>
    [ReadOnly, Alias("get")]
    Task<TenantSnapshot?> Get();

    /// <summary>Creates the tenant. Throws <c>tenant_already_exists</c> when it exists. Not idempotent.</summary>
    [Alias("create")]
    Task<TenantSnapshot> Create(TenantChanges changes);

    /// <summary>Applies the changes. Throws <c>tenant_not_found</c>. Idempotent for equal changes.</summary>
    [Alias("update")]
    Task<TenantSnapshot> Update(TenantChanges changes);

    /// <summary>Deletes the tenant, every key it owns and all its documents. Returns false when it did not exist. Idempotent.</summary>
    [Alias("delete")]
    Task<bool> Delete();

    /// <summary>
    /// Deletes the tenant as <see cref="Delete"/> does, recorded as an operator <c>tenantDeletion</c> task, and answers
    /// with the finished task. Throws <c>tenant_not_found</c>. Not idempotent (a second call finds no tenant).
    /// </summary>
    [Alias("delete-as-task")]
    Task<TaskRecord> DeleteAsTask();

    /// <summary>Creates an API key owned by this tenant. Throws <c>tenant_not_found</c>, <c>api_key_already_exists</c>.</summary>
    [Alias("create-key")]
    Task<ApiKeySnapshot> CreateKey(ApiKeyDefinition definition);

    /// <summary>The tenant's keys, newest first. Read-only.</summary>
    [ReadOnly, Alias("list-keys")]
    Task<IReadOnlyList<ApiKeySnapshot>> ListKeys();

    /// <summary>
    /// Changes the name or description of one of the tenant's keys. Throws <c>tenant_not_found</c>,
    /// <c>api_key_not_found</c> (also for another tenant's key). Idempotent for equal changes.
    /// </summary>
    [Alias("update-key")]
    Task<ApiKeySnapshot> UpdateKey(Guid keyUid, ApiKeyUpdate update);

    /// <summary>Deletes one of the tenant's keys. Returns false when the tenant has no such key. Idempotent.</summary>
    [Alias("delete-key")]
    Task<bool> DeleteKey(Guid keyUid);

    /// <summary>Uids of the tenant's newest tasks (up to 1,000), newest first. Read-only.</summary>
    [ReadOnly, Alias("list-task-uids")]
    Task<IReadOnlyList<long>> ListTaskUids();

    /// <summary>The tenant's stored tasks (its prefix and numbers), or null when it has none or does not exist. Read-only.</summary>
    [ReadOnly, Alias("get-task-range")]
    Task<TaskRange?> GetTaskRange();

    /// <summary>
    /// The task with this uid when it belongs to this tenant as it exists now, else null: a task of another tenant
    /// or of a deleted tenant with the same uid (an earlier incarnation, another prefix) is never returned. Read-only.
    /// </summary>
    [ReadOnly, Alias("get-task")]
    Task<TaskRecord?> GetTask(long taskUid);
}
