namespace Platform.Grains.Tasks;

/// <summary>
/// Task retention, bound from <c>Platform:Tasks</c> and validated at start-up by <see cref="TaskOptionsValidator"/>
/// (docs/tasks.md#retention).
/// </summary>
public sealed class TaskOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Platform:Tasks";

    /// <summary>The largest allowed <see cref="MaxRetained"/>: Meilisearch's own queue limit (about 1,000,000 tasks).</summary>
    public const int MaxRetainedCeiling = 1_000_000;

    /// <summary>
    /// Tasks each tenant (and the operator) keeps; past it the oldest are deleted as a new one is recorded. At least
    /// 1, at most <see cref="MaxRetainedCeiling"/>. Default 10,000: one list call reads at most that many tasks.
    /// </summary>
    public int MaxRetained { get; set; } = 10_000;
}
