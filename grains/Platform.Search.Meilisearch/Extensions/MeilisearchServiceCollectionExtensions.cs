using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Platform.Search.Meilisearch;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the typed <see cref="MeilisearchClient"/>.</summary>
public static class MeilisearchServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="MeilisearchClient"/> as a typed <c>HttpClient</c> with the Meilisearch resilience pipeline.
    /// Options are bound from <see cref="MeilisearchOptions.SectionName"/>, then <paramref name="configure"/> runs,
    /// and they are validated at start-up. Returns the client builder so the host can add handlers (or tests a
    /// primary handler).
    /// </summary>
    public static IHttpClientBuilder AddMeilisearchClient(this IServiceCollection services, Action<MeilisearchOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        var options = services.AddOptions<MeilisearchOptions>().BindConfiguration(MeilisearchOptions.SectionName);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MeilisearchOptions>, MeilisearchOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        var builder = services.AddHttpClient<MeilisearchClient>((provider, http) =>
        {
            var current = provider.GetRequiredService<IOptions<MeilisearchOptions>>().Value;
            if (MeilisearchClient.TryParseBaseAddress(current.Url, out var baseAddress))
            {
                http.BaseAddress = baseAddress;
            }

            // The pipeline owns timeouts (per attempt, shorter for search); HttpClient's own would cut across retries.
            http.Timeout = Timeout.InfiniteTimeSpan;
        });

        builder.AddResilienceHandler(MeilisearchResilience.PipelineName, (pipeline, context) =>
            MeilisearchResilience.Configure(pipeline, context.ServiceProvider.GetRequiredService<IOptions<MeilisearchOptions>>().Value));

        return builder;
    }
}
