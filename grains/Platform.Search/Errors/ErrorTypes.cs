namespace Platform.Search.Errors;

/// <summary>The four error types of Meilisearch's error object (its <c>type</c> field).</summary>
public static class ErrorTypes
{
    public const string InvalidRequest = "invalid_request";
    public const string Auth = "auth";
    public const string Internal = "internal";
    public const string System = "system";
}
