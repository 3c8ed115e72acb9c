using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Api.Auth;
using Platform.Api.Backups;
using Platform.Api.Cors;
using Platform.Api.Documents;
using Platform.Api.Errors;
using Platform.Api.Health;
using Platform.Api.Indexes;
using Platform.Api.Json;
using Platform.Api.OpenApi;
using Platform.Api.Search;
using Platform.Api.Status;
using Platform.Api.Tasks;
using Platform.Api.Tenants;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers and maps the platform's HTTP surface.</summary>
public static class PlatformApiExtensions
{
    public static IServiceCollection AddPlatformApi(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddPlatformAuthorization();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(options => ApiJson.Configure(options.SerializerOptions));
        services.AddPlatformOpenApi();
        services.AddMeilisearchCors();
        services.AddPlatformHealthChecks();
        return services;
    }

    public static IEndpointRouteBuilder MapPlatformApi(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapSystemApi();
        routes.MapHealthApi();
        routes.MapIndexesApi();
        routes.MapSettingsApi();
        routes.MapTasksApi();
        routes.MapBackupsApi();
        routes.MapTenantsApi();
        routes.MapTenantKeysApi();
        routes.MapTenantTokensApi();
        routes.MapDocumentsApi();
        routes.MapSearchApi();
        routes.MapPlatformOpenApi();
        return routes;
    }
}
