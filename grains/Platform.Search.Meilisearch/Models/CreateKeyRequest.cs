using System.Text.Json.Serialization;

namespace Platform.Search.Meilisearch;

/// <summary>Body of <c>POST /keys</c> (docs/api-reference.md#tenant-keys).</summary>
/// <param name="Actions">Actions the key allows, e.g. <c>["search"]</c>. Required.</param>
/// <param name="Indexes">Index uid patterns, e.g. <c>["tenant-a-*"]</c>. Required.</param>
/// <param name="ExpiresAt">Expiry, or null for a key that never expires (sent as an explicit <c>null</c>: Meilisearch requires the field).</param>
internal sealed record CreateKeyRequest(
    IReadOnlyList<string> Actions,
    IReadOnlyList<string> Indexes,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? ExpiresAt)
{
    /// <summary>Optional name.</summary>
    public string? Name { get; init; }

    /// <summary>Optional description.</summary>
    public string? Description { get; init; }

    /// <summary>Optional uid; Meilisearch picks a random one when absent. A chosen uid makes the key value predictable
    /// from the master key (docs/architecture.md#grains), which lets the platform re-create keys idempotently.</summary>
    public Guid? Uid { get; init; }
}
