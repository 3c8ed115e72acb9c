using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Platform.Api.Auth;
using Platform.Api.Errors;

namespace Platform.Api.OpenApi;

/// <summary>
/// ASP.NET Core's built-in OpenAPI document of every route, served at <c>/openapi/v1.json</c>: open in development,
/// master key only when <c>Platform:Environment</c> is <c>production</c> (the document maps the whole surface).
/// </summary>
internal static class PlatformOpenApi
{
    public const string DocumentName = "v1";

    /// <summary>The configuration key the silo's platform options read; only <c>production</c> guards the document.</summary>
    private const string EnvironmentKey = "Platform:Environment";

    public static IServiceCollection AddPlatformOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.CreateSchemaReferenceId = type => type.Type == typeof(ErrorView)
                ? "MeilisearchError"
                : Microsoft.AspNetCore.OpenApi.OpenApiOptions.CreateDefaultSchemaReferenceId(type);
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Platform",
                    Version = DocumentName,
                    Description = "A multi-tenant search platform that speaks Meilisearch's REST API. Errors are Meilisearch's error object.",
                };
                return Task.CompletedTask;
            });
            var credentials = new CredentialsTransformer();
            options.AddDocumentTransformer(credentials);
            options.AddOperationTransformer(credentials);
        });

    public static IEndpointConventionBuilder MapPlatformOpenApi(this IEndpointRouteBuilder routes)
    {
        var document = routes.MapOpenApi("/openapi/{documentName}.json");
        var environment = routes.ServiceProvider.GetRequiredService<IConfiguration>()[EnvironmentKey];
        return string.Equals(environment, "production", StringComparison.OrdinalIgnoreCase)
            ? document.RequireMasterKey()
            : document.AllowEveryone();
    }
}
