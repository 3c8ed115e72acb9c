using Platform.Search.Errors;

namespace Platform.Grains.Errors;

/// <summary>
/// A failure a client caused or may see, carrying the Meilisearch-style error <see cref="Code"/> (docs/errors.md,
/// docs/errors.md). The HTTP layer turns the code into status and type; grains never pick HTTP statuses.
/// </summary>
[GenerateSerializer, Alias("platform.error.v1")]
public sealed class PlatformException : Exception
{
    public PlatformException(string code, string message) : base(message) => Code = code;

    public PlatformException() : this(ErrorCodes.Internal, "An internal error occurred.") { }

    public PlatformException(string message) : this(ErrorCodes.Internal, message) { }

    public PlatformException(string message, Exception innerException) : base(message, innerException) => Code = ErrorCodes.Internal;

    /// <summary>The error code, e.g. <c>tenant_not_found</c>.</summary>
    [Id(0)]
    public string Code { get; init; }
}
