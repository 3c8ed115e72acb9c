using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Platform.Api.Cors;

/// <summary>
/// CORS for Meilisearch's routes, so a browser holding a tenant token can search from another origin as it can
/// against Meilisearch (which answers CORS for any origin, any header, with a one-day preflight cache). A named
/// policy applied per route group, never a default policy: operator routes carry no CORS metadata, so a preflight
/// there finds no endpoint and gets routing's 405 without any <c>Access-Control-Allow-*</c> header.
/// </summary>
public static class MeilisearchCors
{
    public const string PolicyName = "meilisearch";

    /// <summary>How long a browser may cache a preflight answer: Meilisearch's own value (one day).</summary>
    public static readonly TimeSpan PreflightMaxAge = TimeSpan.FromDays(1);

    public static IServiceCollection AddMeilisearchCors(this IServiceCollection services)
    {
        services.AddOptions<PlatformCorsOptions>().BindConfiguration(PlatformCorsOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PlatformCorsOptions>, PlatformCorsOptionsValidator>());
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<PlatformCorsOptions>>((cors, platform) =>
            cors.AddPolicy(PolicyName, policy => Build(policy, platform.Value)));
        return services;
    }

    /// <summary>Marks a route group as a Meilisearch route that answers CORS.</summary>
    public static TBuilder RequireMeilisearchCors<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireCors(PolicyName);

    /// <summary>The CORS middleware; it acts only on endpoints marked with <see cref="RequireMeilisearchCors"/>.</summary>
    public static IApplicationBuilder UseMeilisearchCors(this IApplicationBuilder app) => app.UseCors();

    private static void Build(CorsPolicyBuilder policy, PlatformCorsOptions options)
    {
        if (options.AllowsAnyOrigin) policy.AllowAnyOrigin();
        else policy.WithOrigins([.. options.AllowedOrigins]);

        // Any request header, as Meilisearch: Authorization, Content-Type and the clients' X-Meilisearch-Client
        // among them. No credentials mode: keys and tokens travel in Authorization, never in cookies.
        policy.AllowAnyHeader()
            .WithMethods(HttpMethods.Get, HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete)
            .SetPreflightMaxAge(PreflightMaxAge);
    }
}
