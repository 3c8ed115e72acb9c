namespace Platform.Grains.Keys;

/// <summary>A validated request to create a tenant API key (Meilisearch's key creation body).</summary>
[GenerateSerializer, Immutable, Alias("platform.key.definition.v1")]
public sealed record ApiKeyDefinition(
    [property: Id(0)] Guid Uid,
    [property: Id(1)] string? Name,
    [property: Id(2)] string? Description,
    [property: Id(3)] IReadOnlyList<string> Actions,
    [property: Id(4)] IReadOnlyList<string> Indexes,
    [property: Id(5)] DateTimeOffset? ExpiresAt);
