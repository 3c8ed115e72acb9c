namespace Platform.Search.Meilisearch.Tests.Infrastructure;

/// <summary>A canned answer of the recording endpoint.</summary>
internal sealed record ScriptedResponse(int Status, string? Body = null)
{
    /// <summary>Real wall-clock delay before answering: only for attempt-timeout tests.</summary>
    public TimeSpan Delay { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public static ScriptedResponse Json(int status, string body) => new(status, body);

    public static ScriptedResponse Ok(string body) => new(200, body);

    public static ScriptedResponse Accepted(string body) => new(202, body);
}
