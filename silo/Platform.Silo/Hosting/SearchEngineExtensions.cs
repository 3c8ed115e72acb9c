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
    public const string IndexesFolder = "indexes";

    public static IHostApplicationBuilder AddPlatformSearchEngine(this IHostApplicationBuilder builder, PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        switch (builder.Configuration[EngineKey]?.ToLowerInvariant() ?? "embedded")
        {
            case "embedded":
                AddEmbedded(builder, options);
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

    private static void AddEmbedded(IHostApplicationBuilder builder, PlatformOptions options)
    {
        var embedded = builder.Configuration.GetSection(EmbeddedEngineOptions.SectionName).Get<EmbeddedEngineOptions>() ?? new EmbeddedEngineOptions();
        if (string.IsNullOrWhiteSpace(embedded.DataRoot))
        {
            embedded.DataRoot = Path.Combine(Path.GetFullPath(options.DataPath), IndexesFolder);
        }

        if (embedded.Validate() is { Count: > 0 } errors)
        {
            throw new OptionsValidationException(EmbeddedEngineOptions.SectionName, typeof(EmbeddedEngineOptions), errors);
        }

        builder.Services.AddSingleton<ISearchEngine>(_ => new LuceneSearchEngine(embedded));
    }
}
