using Platform.Search.Errors;

namespace Platform.Search.Filters;

/// <summary>
/// A filter the platform refuses, carrying the message a Meilisearch client would see (docs/rules-and-filters.md#filter-language). Answer it as
/// HTTP 400 with <see cref="ErrorCode"/> and <see cref="Exception.Message"/> unchanged.
/// </summary>
public sealed class FilterParseException : Exception
{
    /// <summary>The Meilisearch error code for every filter syntax, type and limit error.</summary>
    public const string ErrorCode = ErrorCodes.InvalidSearchFilter;

    public FilterParseException()
        : this("Invalid filter.")
    {
    }

    public FilterParseException(string message)
        : base(message)
    {
        Diagnostic = message;
    }

    public FilterParseException(string message, Exception innerException)
        : base(message, innerException)
    {
        Diagnostic = message;
    }

    internal FilterParseException(string diagnostic, string message, int startColumn, int endColumn)
        : base(message)
    {
        Diagnostic = diagnostic;
        StartColumn = startColumn;
        EndColumn = endColumn;
    }

    /// <summary>The first line of the message: what went wrong, without the position line.</summary>
    public string Diagnostic { get; }

    /// <summary>1-based column where the offending span starts, when the error points into a filter string.</summary>
    public int? StartColumn { get; }

    /// <summary>Column just past the offending span (<see cref="StartColumn"/> + its length in characters).</summary>
    public int? EndColumn { get; }
}
