using Platform.Search.Engine;
using Platform.Search.Meilisearch.Engine;
using Platform.Search.Meilisearch.Tests.Infrastructure;
using Platform.Search.Tests.Conformance;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Platform.Search.Meilisearch.Tests.Engine;

/// <summary>
/// Runs the engine-neutral suites against a real Meilisearch at <c>MEILI_URL</c> with <c>MEILI_MASTER_KEY</c>. Each
/// fixture works under its own random index prefix, catalog index and search-key uid, and deletes them afterwards, so runs do not
/// see each other's data. Without the variables these classes are reported as skipped.
/// </summary>
public abstract class LiveMeilisearchFixture : SearchEngineFixture
{
    public const string UrlVariable = "MEILI_URL";
    public const string MasterKeyVariable = "MEILI_MASTER_KEY";

    private readonly MeilisearchOptions _options;
    private HttpClient? _http;

    protected LiveMeilisearchFixture(params string[] dedicatedIndexes)
    {
        var run = "conf" + Guid.NewGuid().ToString("N")[..10];
        _options = new MeilisearchOptions
        {
            Url = Environment.GetEnvironmentVariable(UrlVariable),
            ApiKey = Environment.GetEnvironmentVariable(MasterKeyVariable),
            IndexPrefix = run + "-",
            CatalogIndex = run + "_catalog",
            SearchKeyUid = Guid.NewGuid(),
            DedicatedIndexes = [.. dedicatedIndexes],
        };
    }

    /// <summary>The options the engine is built with; a fixture that starts its own server fills in the URL and key.</summary>
    protected MeilisearchOptions Options => _options;

    protected override bool IsAvailable =>
        !string.IsNullOrWhiteSpace(_options.Url) && !string.IsNullOrWhiteSpace(_options.ApiKey);

    private MeilisearchClient Client => new(_http ??= new HttpClient(), MsOptions.Create(_options), TimeProvider.System);

    protected override async Task<ISearchEngine> CreateEngineAsync()
    {
        var engine = new MeilisearchSearchEngine(Client, MsOptions.Create(_options), TimeProvider.System);
        await engine.InitializeAsync();
        return engine;
    }

    protected override async Task CleanupAsync()
    {
        var client = Client;
        var admin = client.ConfiguredAdminCredential;
        var indexes = await client.ListIndexesAsync(admin, 0, 1000);
        foreach (var index in indexes.Results.Where(i => i.Uid.StartsWith(_options.IndexPrefix, StringComparison.Ordinal) || i.Uid == _options.CatalogIndex))
        {
            await client.DeleteIndexAsync(admin, index.Uid);
        }

        await client.DeleteKeyAsync(admin, _options.SearchKeyUid!.Value.ToString("D"));
        _http?.Dispose();
    }
}

public sealed class SharedLayoutFixture : LiveMeilisearchFixture;

public sealed class DedicatedLayoutFixture() : LiveMeilisearchFixture(Movies, Products);

[RequiresEnvironment(LiveMeilisearchFixture.UrlVariable, LiveMeilisearchFixture.MasterKeyVariable)]
public sealed class LiveMeilisearchSearchConformanceTests(SharedLayoutFixture fixture)
    : SearchEngineConformanceTests(fixture), IClassFixture<SharedLayoutFixture>;

[RequiresEnvironment(LiveMeilisearchFixture.UrlVariable, LiveMeilisearchFixture.MasterKeyVariable)]
public sealed class LiveMeilisearchTenantIsolationTests(SharedLayoutFixture fixture)
    : TenantIsolationConformanceTests(fixture), IClassFixture<SharedLayoutFixture>;

[RequiresEnvironment(LiveMeilisearchFixture.UrlVariable, LiveMeilisearchFixture.MasterKeyVariable)]
public sealed class LiveMeilisearchDedicatedTenantIsolationTests(DedicatedLayoutFixture fixture)
    : TenantIsolationConformanceTests(fixture), IClassFixture<DedicatedLayoutFixture>;
