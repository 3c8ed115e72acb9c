using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Platform.Api.Errors;
using Platform.Meilisearch.StandIn.Engine;
using Platform.Search.Engine;
using Platform.Search.Errors;
using Platform.Search.Filters;

namespace Platform.Meilisearch.StandIn.Hosting;

/// <summary>
/// Answers every failure in Meilisearch's error shape <c>{message, code, type, link}</c> with the code's status, and
/// <c>_tenant</c> spelled as the client wrote it.
/// </summary>
internal sealed partial class StandInErrors(RequestDelegate next, ILogger<StandInErrors> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            var (code, message, status) = e switch
            {
                ApiError error => (error.Code, error.Message, error.HttpStatus),
                SearchEngineException error => (error.Code, error.Message, error.HttpStatus),
                FilterParseException error => (FilterParseException.ErrorCode, error.Message, (int?)null),
                BadHttpRequestException error => (ErrorCodes.BadRequest, error.Message, null),
                JsonException error => (ErrorCodes.MalformedPayload, error.Message, null),
                _ => (ErrorCodes.Internal, "An internal error occurred.", null),
            };
            if (code == ErrorCodes.Internal)
            {
                LogUnexpected(logger, e);
            }

            await ErrorWriter.WriteAsync(context, code, AttributeAliases.Message(message), statusOverride: status);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error in the Meilisearch stand-in")]
    private static partial void LogUnexpected(ILogger logger, Exception exception);
}
