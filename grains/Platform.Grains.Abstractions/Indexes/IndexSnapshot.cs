namespace Platform.Grains.Indexes;

/// <summary>An immutable view of a logical index definition. <see cref="Version"/> grows with every change.</summary>
[GenerateSerializer, Immutable, Alias("platform.index.snapshot.v1")]
public sealed record IndexSnapshot(
    [property: Id(0)] string Uid,
    [property: Id(1)] string? PrimaryKey,
    [property: Id(2)] IndexSettings Settings,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] DateTimeOffset UpdatedAt,
    [property: Id(5)] long Version);
