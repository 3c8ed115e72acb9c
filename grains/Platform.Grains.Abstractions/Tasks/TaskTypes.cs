namespace Platform.Grains.Tasks;

/// <summary>
/// The task <c>type</c> values the platform records, spelled as Meilisearch spells them (clients filter
/// <c>GET /tasks?types=…</c> by these), plus the platform's own <see cref="TenantDeletion"/>.
/// </summary>
public static class TaskTypes
{
    /// <summary>An index was created.</summary>
    public const string IndexCreation = "indexCreation";

    /// <summary>An index's primary key was changed.</summary>
    public const string IndexUpdate = "indexUpdate";

    /// <summary>An index was deleted.</summary>
    public const string IndexDeletion = "indexDeletion";

    /// <summary>An index's settings were changed or reset (creating the index when missing).</summary>
    public const string SettingsUpdate = "settingsUpdate";

    /// <summary>A tenant added, replaced or updated documents.</summary>
    public const string DocumentAdditionOrUpdate = "documentAdditionOrUpdate";

    /// <summary>A tenant deleted documents (by id, by filter or all).</summary>
    public const string DocumentDeletion = "documentDeletion";

    /// <summary>A tenant was deleted with its keys and documents. The platform's own type; Meilisearch has no tenants.</summary>
    public const string TenantDeletion = "tenantDeletion";
}
