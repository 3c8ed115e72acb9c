using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Platform.Search.Tokens;

namespace Platform.Api.Auth;

/// <summary>Registers authentication and route authorization: the authenticators, their caches and the failure limiter.</summary>
internal static class AuthorizationServiceCollectionExtensions
{
    public static IServiceCollection AddPlatformAuthorization(this IServiceCollection services)
    {
        services.TryAddSingleton<RouteAuthorizer>();
        services.TryAddSingleton<TenantKeyAuthenticator>();
        services.TryAddSingleton<SearchAuthenticator>();
        services.TryAddSingleton(sp => new TenantTokenVerifier(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ValidatedTokenCache>();
        services.TryAddSingleton<UnknownKeyCache>();
        services.TryAddSingleton<FailedAuthenticationLimiter>();
        services.TryAddSingleton<AuthMetrics>();
        services.AddOptions<ValidatedTokenCacheOptions>().BindConfiguration(ValidatedTokenCacheOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ValidatedTokenCacheOptions>, ValidatedTokenCacheOptionsValidator>());
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>());
        return services;
    }
}
