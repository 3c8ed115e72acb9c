using Platform.Search.Embedded;
using Platform.Search.Engine;

namespace Platform.Silo.Hosting;

/// <summary>Registers the search engine the grains use: the embedded Lucene engine under the data folder.</summary>
public static class SearchEngineExtensions
{
    public const string IndexesFolder = "indexes";

    public static IHostApplicationBuilder AddPlatformSearchEngine(this IHostApplicationBuilder builder, PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        var embedded = builder.Configuration.GetSection(EmbeddedEngineOptions.SectionName).Get<EmbeddedEngineOptions>() ?? new EmbeddedEngineOptions();
        if (string.IsNullOrWhiteSpace(embedded.DataRoot))
        {
            embedded.DataRoot = Path.Combine(Path.GetFullPath(options.DataPath), IndexesFolder);
        }

        if (embedded.Validate() is { Count: > 0 } errors)
        {
            throw new Microsoft.Extensions.Options.OptionsValidationException(EmbeddedEngineOptions.SectionName, typeof(EmbeddedEngineOptions), errors);
        }

        builder.Services.AddSingleton<ISearchEngine>(_ => new LuceneSearchEngine(embedded));
        return builder;
    }
}
