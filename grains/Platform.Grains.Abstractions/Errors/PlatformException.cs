using Platform.Search.Errors;

namespace Platform.Grains.Errors;

/// <summary>
/// A failure a client caused or may see, carrying the Meilisearch-style error <see cref="Code"/> (docs/errors.md). The HTTP layer turns the code into status and type; grains never pick HTTP statuses.
/// </summary>
[GenerateSerializer, Alias("platform.error.v1")]
public sealed class PlatformException : Exception
{
    /// <summary>A failure with its error <paramref name="code"/> and the message the client reads.</summary>
    public PlatformException(string code, string message) : base(message) => Code = code;

    /// <summary>An <c>internal</c> failure with a generic message.</summary>
    public PlatformException() : this(ErrorCodes.Internal, "An internal error occurred.") { }

    /// <summary>An <c>internal</c> failure with <paramref name="message"/>.</summary>
    public PlatformException(string message) : this(ErrorCodes.Internal, message) { }

    /// <summary>An <c>internal</c> failure caused by <paramref name="innerException"/>.</summary>
    public PlatformException(string message, Exception innerException) : base(message, innerException) => Code = ErrorCodes.Internal;

    /// <summary>The error code, e.g. <c>tenant_not_found</c>.</summary>
    [Id(0)]
    public string Code { get; init; }
}
