using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Platform.Search.Engine;
using Platform.Search.Meilisearch;
using Platform.Search.Meilisearch.Engine;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Meilisearch-backed <see cref="ISearchEngine"/>.</summary>
public static class MeilisearchSearchEngineServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="MeilisearchSearchEngine"/> as the singleton <see cref="ISearchEngine"/> (unless one is already
    /// registered), on top of <see cref="MeilisearchServiceCollectionExtensions.AddMeilisearchClient"/>. Options come
    /// from <see cref="MeilisearchOptions.SectionName"/> and are validated at start-up. The engine asks the container
    /// for a client per call, so <c>IHttpClientFactory</c> keeps rotating handlers. Returns the client builder.
    /// </summary>
    public static IHttpClientBuilder AddMeilisearchSearchEngine(this IServiceCollection services, Action<MeilisearchOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddMeilisearchClient(configure);
        services.TryAddSingleton(provider => new MeilisearchSearchEngine(
            provider.GetRequiredService<MeilisearchClient>,
            provider.GetRequiredService<IOptions<MeilisearchOptions>>(),
            provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ISearchEngine>(provider => provider.GetRequiredService<MeilisearchSearchEngine>());
        return builder;
    }
}
