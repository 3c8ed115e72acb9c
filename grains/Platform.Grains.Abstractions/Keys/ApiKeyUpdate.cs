namespace Platform.Grains.Keys;

/// <summary>The mutable fields of a key (Meilisearch allows only these two). Set* flags say which to change.</summary>
[GenerateSerializer, Immutable, Alias("platform.key.update.v1")]
public sealed record ApiKeyUpdate(
    [property: Id(0)] bool SetName,
    [property: Id(1)] string? Name,
    [property: Id(2)] bool SetDescription,
    [property: Id(3)] string? Description);
