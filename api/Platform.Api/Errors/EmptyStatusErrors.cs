using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Platform.Search.Errors;

namespace Platform.Api.Errors;

/// <summary>
/// Gives routing's own empty answers Meilisearch's error shape: no route for the path (404 <c>not_found</c>), or a
/// known path with another method (405 <c>method_not_allowed</c>, where Meilisearch itself sends an empty 405).
/// Every other response already carries its body.
/// </summary>
public static class EmptyStatusErrors
{
    public static IApplicationBuilder UsePlatformStatusErrors(this IApplicationBuilder app) =>
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            switch (http.Response.StatusCode)
            {
                case StatusCodes.Status404NotFound:
                    await ErrorWriter.WriteAsync(http, ErrorCodes.NotFound, "Not found.");
                    break;
                case StatusCodes.Status405MethodNotAllowed:
                    await ErrorWriter.WriteAsync(http, ErrorCodes.MethodNotAllowed,
                        $"The method `{http.Request.Method}` is not allowed on `{http.Request.Path}`.");
                    break;
            }
        });
}
