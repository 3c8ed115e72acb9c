namespace Platform.Grains.Directory;

/// <summary>One page of a <see cref="IDirectoryGrain"/>.</summary>
[GenerateSerializer, Immutable, Alias("platform.directory.page.v1")]
public sealed record DirectoryPage([property: Id(0)] IReadOnlyList<string> Uids, [property: Id(1)] int Total);
