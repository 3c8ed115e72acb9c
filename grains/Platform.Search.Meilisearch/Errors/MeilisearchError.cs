namespace Platform.Search.Meilisearch;

/// <summary>
/// Meilisearch's error body (docs/errors.md): <c>{"message", "code", "type", "link"}</c>. Also the <c>error</c> of a
/// failed task. Kept verbatim so the platform can pass client-caused errors back unchanged.
/// </summary>
/// <param name="Message">Human-readable message.</param>
/// <param name="Code">Stable error code, e.g. <c>index_not_found</c>.</param>
/// <param name="Type"><c>invalid_request</c>, <c>auth</c>, <c>internal</c> or <c>system</c>.</param>
/// <param name="Link">Documentation link for the code; may be absent.</param>
internal sealed record MeilisearchError(string Message, string Code, string Type, string? Link);
