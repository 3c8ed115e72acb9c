namespace Platform.Search.Rules;

/// <summary>Search rules JSON that Meilisearch would not accept. The message is serde-style (see docs/tenant-tokens.md).</summary>
public sealed class SearchRulesFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public SearchRulesFormatException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SearchRulesFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public SearchRulesFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
