namespace Platform.Grains.Keys;

/// <summary>
/// An immutable view of a tenant API key. The secret value is never stored: it is derived from the master key and
/// <see cref="Uid"/> whenever it is needed (docs/architecture.md#grains).
/// </summary>
[GenerateSerializer, Immutable, Alias("platform.key.snapshot.v1")]
public sealed record ApiKeySnapshot(
    [property: Id(0)] Guid Uid,
    [property: Id(1)] string Tenant,
    [property: Id(2)] string? Name,
    [property: Id(3)] string? Description,
    [property: Id(4)] IReadOnlyList<string> Actions,
    [property: Id(5)] IReadOnlyList<string> Indexes,
    [property: Id(6)] DateTimeOffset? ExpiresAt,
    [property: Id(7)] DateTimeOffset CreatedAt,
    [property: Id(8)] DateTimeOffset UpdatedAt)
{
    /// <summary>Meilisearch's expiry rule: a key is valid while now &lt; expiresAt.</summary>
    public bool IsExpiredAt(DateTimeOffset now) => ExpiresAt is { } expiresAt && now >= expiresAt;
}
