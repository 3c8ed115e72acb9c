using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Platform.Api.Errors;

/// <summary>Declares a route's error answers for the OpenAPI document: each is Meilisearch's error object.</summary>
internal static class ErrorResponses
{
    /// <summary>What every authenticated route may answer: a bad request, no key, a refused key, something missing.</summary>
    public static readonly int[] Authenticated =
    [
        StatusCodes.Status400BadRequest,
        StatusCodes.Status401Unauthorized,
        StatusCodes.Status403Forbidden,
        StatusCodes.Status404NotFound,
    ];

    public static TBuilder ProducesErrors<TBuilder>(this TBuilder builder, params int[] statuses) where TBuilder : IEndpointConventionBuilder
    {
        foreach (var status in statuses)
        {
            builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(ErrorView), ["application/json"]));
        }

        return builder;
    }
}
