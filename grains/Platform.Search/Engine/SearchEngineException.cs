using Platform.Search.Errors;

namespace Platform.Search.Engine;

/// <summary>
/// A Meilisearch-style error: code, message and HTTP status, ready for the REST edge. Status and type default to the
/// code's entry in <see cref="ErrorCatalog"/>; an engine passes them only when it relays another server's answer.
/// </summary>
public sealed class SearchEngineException : Exception
{
    public SearchEngineException(string code, string message, int? httpStatus = null, string? type = null)
        : base(message)
    {
        var (status, catalogType) = ErrorCatalog.Describe(code);
        Code = code;
        HttpStatus = httpStatus ?? status;
        Type = type ?? catalogType;
    }

    public SearchEngineException()
        : this(ErrorCodes.Internal, "Internal error.")
    {
    }

    public SearchEngineException(string message)
        : this(ErrorCodes.Internal, message)
    {
    }

    public SearchEngineException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = ErrorCodes.Internal;
        HttpStatus = 500;
        Type = ErrorTypes.Internal;
    }

    /// <summary>Meilisearch error code, e.g. <c>invalid_search_filter</c>.</summary>
    public string Code { get; }

    public int HttpStatus { get; }

    /// <summary><c>invalid_request</c>, <c>auth</c>, <c>internal</c> or <c>system</c>.</summary>
    public string Type { get; }

    /// <summary>The documentation link Meilisearch puts in the error body.</summary>
    public string Link => ErrorCatalog.Link(Code);
}
