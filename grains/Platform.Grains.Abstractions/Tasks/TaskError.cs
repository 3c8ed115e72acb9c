namespace Platform.Grains.Tasks;

/// <summary>Why a task failed: a Meilisearch error code and message.</summary>
[GenerateSerializer, Immutable, Alias("platform.task.error.v1")]
public sealed record TaskError([property: Id(0)] string Code, [property: Id(1)] string Message);
