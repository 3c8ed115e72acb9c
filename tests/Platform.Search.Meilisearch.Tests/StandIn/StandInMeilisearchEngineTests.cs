using Platform.Meilisearch.StandIn;
using Platform.Search.Engine;
using Platform.Search.Meilisearch.Tests.Engine;
using Platform.Search.Tests.Conformance;

namespace Platform.Search.Meilisearch.Tests.StandIn;

/// <summary>
/// The live fixture against the Meilisearch stand-in (tests/Platform.Meilisearch.StandIn) instead of a server at
/// <c>MEILI_URL</c>: the same engine, client, physical layout and backend tokens, always run. Each fixture starts its
/// own stand-in with a random master key.
/// </summary>
public abstract class StandInMeilisearchFixture(params string[] dedicatedIndexes) : LiveMeilisearchFixture(dedicatedIndexes)
{
    private StandInMeilisearch? _standIn;

    protected override bool IsAvailable => true;

    protected override async Task<ISearchEngine> CreateEngineAsync()
    {
        _standIn = await StandInMeilisearch.StartAsync("standin-" + Guid.NewGuid().ToString("N"));
        Options.Url = _standIn.Url.AbsoluteUri;
        Options.ApiKey = _standIn.MasterKey;
        return await base.CreateEngineAsync();
    }

    protected override async Task CleanupAsync()
    {
        await base.CleanupAsync();
        if (_standIn is not null)
        {
            await _standIn.DisposeAsync();
        }
    }
}

public sealed class StandInSharedLayoutFixture : StandInMeilisearchFixture;

public sealed class StandInDedicatedLayoutFixture() : StandInMeilisearchFixture(SearchEngineFixture.Movies, SearchEngineFixture.Products);

public sealed class StandInMeilisearchSearchConformanceTests(StandInSharedLayoutFixture fixture)
    : SearchEngineConformanceTests(fixture), IClassFixture<StandInSharedLayoutFixture>;

public sealed class StandInMeilisearchTenantIsolationTests(StandInSharedLayoutFixture fixture)
    : TenantIsolationConformanceTests(fixture), IClassFixture<StandInSharedLayoutFixture>;

public sealed class StandInMeilisearchDedicatedTenantIsolationTests(StandInDedicatedLayoutFixture fixture)
    : TenantIsolationConformanceTests(fixture), IClassFixture<StandInDedicatedLayoutFixture>;
