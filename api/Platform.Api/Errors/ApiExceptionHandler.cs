using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Platform.Grains.Errors;
using Platform.Search.Engine;
using Platform.Search.Errors;
using Platform.Search.Filters;

namespace Platform.Api.Errors;

/// <summary>
/// Turns every exception that escapes an endpoint into a Meilisearch-shaped error: the client's own mistakes keep
/// their code and message; cluster unavailability becomes 503 with <c>Retry-After</c>; anything else is a 500
/// without internals.
/// </summary>
internal sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (context.Response.HasStarted) return false;

        switch (exception)
        {
            case ApiError error:
                await ErrorWriter.WriteAsync(context, error.Code, error.Message, error.RetryAfterSeconds, error.HttpStatus);
                break;
            case PlatformException error:
                // An unavailable engine tells clients when to come back, as Meilisearch's 503s do.
                await ErrorWriter.WriteAsync(context, error.Code, error.Message,
                    retryAfterSeconds: ErrorCatalog.Describe(error.Code).Status == StatusCodes.Status503ServiceUnavailable ? 10 : null);
                break;
            case BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }:
                var limit = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? 0;
                await ErrorWriter.WriteAsync(context, ErrorCodes.PayloadTooLarge,
                    $"The provided payload reached the size limit. The maximum accepted payload size is {Size(limit)}.");
                break;
            case BadHttpRequestException error:
                // A body cut short or otherwise unreadable: the client's request, not our failure.
                await ErrorWriter.WriteAsync(context, ErrorCodes.BadRequest, error.Message);
                break;
            case SearchEngineException error:
                // Engines are called from grains, which translate their errors; this keeps the shape if one slips through.
                await ErrorWriter.WriteAsync(context, error.Code, error.Message, statusOverride: error.HttpStatus);
                break;
            case FilterParseException error:
                await ErrorWriter.WriteAsync(context, FilterParseException.ErrorCode, error.Message);
                break;
            case OperationCanceledException when context.RequestAborted.IsCancellationRequested:
                // The client went away; nobody is left to answer.
                return true;
            case TimeoutException or Orleans.Runtime.SiloUnavailableException or Orleans.Runtime.OrleansMessageRejectionException:
                LogUnavailable(logger, exception);
                await ErrorWriter.WriteAsync(context, ErrorCodes.ServiceUnavailable,
                    "The platform is temporarily unavailable. Retry later.", retryAfterSeconds: 10);
                break;
            default:
                LogUnexpected(logger, exception);
                await ErrorWriter.WriteAsync(context, ErrorCodes.Internal, "An internal error occurred.");
                break;
        }

        return true;
    }

    private static string Size(long bytes) => bytes % (1024 * 1024) == 0
        ? $"{bytes / (1024 * 1024)} MiB"
        : $"{bytes} B";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cluster unavailable while serving a request")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error while serving a request")]
    private static partial void LogUnexpected(ILogger logger, Exception exception);
}
