using Platform.Search.Errors;

namespace Platform.Api.Errors;

/// <summary>
/// Meilisearch's error object, <c>{message, code, type, link}</c>: the body of every error answer
/// (<see cref="ErrorWriter"/>), the <c>error</c> of a failed task, and the error schema of the OpenAPI document.
/// </summary>
internal sealed record ErrorView(string Message, string Code, string Type, string Link)
{
    public static ErrorView From(string code, string message) =>
        new(message, code, ErrorCatalog.Describe(code).Type, ErrorCatalog.Link(code));
}
