using System.Text.Json.Nodes;
using Platform.Meilisearch.StandIn;
using Platform.Search.Engine;
using Platform.Search.Meilisearch.Engine;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Platform.Search.Meilisearch.Tests.StandIn;

/// <summary>
/// The Meilisearch engine on the stand-in, two tenants in one shared index: each tenant's facet values are spelled
/// as its own lowest document spells them, never as the other tenant's (regression for the spelling lookup that used
/// <c>distinct</c>, see docs/meilisearch-engine.md#facet-value-spellings-in-a-shared-index).
/// </summary>
public sealed class StandInFacetSpellingTests : IAsyncLifetime
{
    private static readonly TenantScope Acme = new("acme");
    private static readonly TenantScope Globex = new("globex");

    private StandInMeilisearch? _meili;
    private HttpClient? _http;
    private MeilisearchSearchEngine? _engine;

    private MeilisearchSearchEngine Engine => _engine!;

    public async Task InitializeAsync()
    {
        _meili = await StandInMeilisearch.StartAsync("standin-" + Guid.NewGuid().ToString("N"));
        var options = MsOptions.Create(new MeilisearchOptions { Url = _meili.Url.AbsoluteUri, ApiKey = _meili.MasterKey });
        _http = new HttpClient();
        _engine = new MeilisearchSearchEngine(new MeilisearchClient(_http, options, TimeProvider.System), options, TimeProvider.System);
        await _engine.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (_engine is not null) await _engine.DisposeAsync();
        _http?.Dispose();
        if (_meili is not null) await _meili.DisposeAsync();
    }

    [Fact]
    public async Task Each_tenant_reads_its_own_spelling_of_a_shared_facet_value()
    {
        await Engine.CreateIndexAsync("colors", "id");
        await Engine.UpdateSettingsAsync("colors", new Platform.Search.Engine.IndexSettings { FilterableAttributes = ["color"] });
        // Globex writes first, so Meilisearch itself would spell both values as Globex does.
        await Engine.AddDocumentsAsync(Globex, "colors", [Doc("""{"id":1,"color":"RED"}"""), Doc("""{"id":2,"color":"ROSÉ"}""")], DocumentWriteMode.AddOrReplace);
        // Acme's array document comes after one sharing "rosé" with it: distinct on the facet would have skipped it,
        // and "red" would have been spelled from Acme's third document.
        await Engine.AddDocumentsAsync(Acme, "colors",
            [Doc("""{"id":1,"color":"Rosé"}"""), Doc("""{"id":2,"color":["rose","ROSÉ","Red"]}"""), Doc("""{"id":3,"color":"red"}""")],
            DocumentWriteMode.AddOrReplace);

        Assert.Equal(["Red:2", "rose:1", "Rosé:2"], Hits(await Engine.FacetSearchAsync(Acme, "colors", new FacetSearchRequest { FacetName = "color" })));
        Assert.Equal(["RED:1", "ROSÉ:1"], Hits(await Engine.FacetSearchAsync(Globex, "colors", new FacetSearchRequest { FacetName = "color" })));
        var faceted = await Engine.SearchAsync(Acme, "colors", new SearchRequest { Facets = ["color"] });
        Assert.Equal(["Red", "Rosé", "rose"], faceted.FacetDistribution!["color"].Keys.Order(StringComparer.Ordinal));
    }

    private static JsonObject Doc(string json) => JsonNode.Parse(json)!.AsObject();

    private static List<string> Hits(FacetSearchResponse response) => [.. response.FacetHits.Select(h => $"{h.Value}:{h.Count}")];
}
