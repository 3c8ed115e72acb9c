namespace Platform.Search.Meilisearch;

/// <summary>
/// Task status names (docs/tasks.md#the-task-object). Kept as strings on the wire types so a status added by a later Meilisearch does
/// not break deserialization.
/// </summary>
internal static class MeilisearchTaskStatus
{
    /// <summary>Waiting in the queue.</summary>
    public const string Enqueued = "enqueued";

    /// <summary>Being processed.</summary>
    public const string Processing = "processing";

    /// <summary>Finished successfully.</summary>
    public const string Succeeded = "succeeded";

    /// <summary>Finished with an <c>error</c>.</summary>
    public const string Failed = "failed";

    /// <summary>Canceled by a <c>taskCancelation</c>.</summary>
    public const string Canceled = "canceled";

    /// <summary>True for a status after which the task never changes again.</summary>
    public static bool IsTerminal(string? status) => status is Succeeded or Failed or Canceled;
}
