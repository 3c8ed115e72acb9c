namespace Platform.Search.Meilisearch;

/// <summary>One request as the client describes it before sending.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path relative to the base address, without a leading slash, with its query string.</param>
/// <param name="Bearer">Value of <c>Authorization: Bearer</c>; null for the public <c>/health</c>.</param>
/// <param name="Content">Body, if any.</param>
/// <param name="Idempotent">Whether the pipeline may retry it.</param>
/// <param name="Timeout">Attempt timeout.</param>
internal sealed record MeilisearchCall(
    HttpMethod Method,
    string Path,
    string? Bearer,
    HttpContent? Content,
    bool Idempotent,
    TimeSpan Timeout);
