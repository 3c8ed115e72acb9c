namespace Platform.Search.Engine;

/// <summary>A Meilisearch-style error (compat §5.5): code, message and HTTP status, ready for the REST edge.</summary>
public sealed class SearchEngineException : Exception
{
    public SearchEngineException(string code, string message, int httpStatus = 400, string type = "invalid_request")
        : base(message)
    {
        Code = code;
        HttpStatus = httpStatus;
        Type = type;
    }

    public SearchEngineException()
        : this("internal", "Internal error.", 500, "internal")
    {
    }

    public SearchEngineException(string message)
        : this("internal", message, 500, "internal")
    {
    }

    public SearchEngineException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "internal";
        HttpStatus = 500;
        Type = "internal";
    }

    /// <summary>Meilisearch error code, e.g. <c>invalid_search_filter</c>.</summary>
    public string Code { get; }

    public int HttpStatus { get; }

    /// <summary><c>invalid_request</c>, <c>auth</c>, <c>internal</c> or <c>system</c>.</summary>
    public string Type { get; }

    /// <summary>The documentation link Meilisearch puts in the error body.</summary>
    public string Link => "https://docs.meilisearch.com/errors#" + Code;
}
