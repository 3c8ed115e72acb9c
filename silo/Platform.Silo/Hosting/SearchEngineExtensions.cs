using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Platform.Search.Embedded;
using Platform.Search.Engine;

namespace Platform.Silo.Hosting;

/// <summary>
/// Registers the search engine the grains use, chosen by <c>Platform:Search:Engine</c>: <c>embedded</c> (default,
/// Lucene.NET under the data folder) or <c>meilisearch</c> (<c>Platform:Search:Meilisearch:*</c>, validated at
/// start-up). Nothing else changes between the two.
/// </summary>
public static class SearchEngineExtensions
{
    public const string EngineKey = "Platform:Search:Engine";

    public static IHostApplicationBuilder AddPlatformSearchEngine(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        switch (builder.Configuration[EngineKey]?.ToLowerInvariant() ?? "embedded")
        {
            case "embedded":
                AddEmbedded(builder.Services);
                break;
            case "meilisearch":
                builder.Services.AddMeilisearchSearchEngine();
                builder.Services.AddHostedService<MeilisearchKeyWarmup>();
                break;
            case var other:
                throw new OptionsValidationException(EngineKey, typeof(PlatformOptions),
                    [$"{EngineKey} must be `embedded` or `meilisearch`, not `{other}`."]);
        }

        return builder;
    }

    private static void AddEmbedded(IServiceCollection services)
    {
        services.AddOptions<EmbeddedEngineOptions>()
            .BindConfiguration(EmbeddedEngineOptions.SectionName)
            .PostConfigure<IOptions<PlatformOptions>>((embedded, platform) =>
            {
                // The engine keeps its indexes in {DataRoot}/indexes/, so the default root is the data folder itself.
                if (string.IsNullOrWhiteSpace(embedded.DataRoot)) embedded.DataRoot = Path.GetFullPath(platform.Value.DataPath);
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmbeddedEngineOptions>, EmbeddedEngineOptionsValidator>());
        services.AddSingleton<ISearchEngine>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<EmbeddedEngineOptions>>().Value;
            EmbeddedDataLayout.MoveNestedIndexesUp(options.DataRoot);
            return new LuceneSearchEngine(options);
        });
    }
}
