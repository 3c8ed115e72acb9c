using System.Text;
using System.Text.Json.Nodes;
using Platform.Search.Engine;
using Platform.Search.Errors;

namespace Platform.Search.Embedded.Tests;

/// <summary>
/// One tenant's costly search (a 200,000-word field, every attribute cropped and highlighted, match positions) finishes,
/// stays inside its own documents, and is stopped by the work budget, the time limit, cancellation or the response cap.
/// </summary>
public sealed class SearchBudgetTests : IDisposable
{
    private const string Index = "books";
    private const int Words = 200_000;
    private static readonly TenantScope Acme = new("acme");
    private static readonly TenantScope Globex = new("globex");
    private readonly string _root = Path.Combine(Path.GetTempPath(), "platform-search-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static readonly SearchRequest Costly = new()
    {
        Q = "needle",
        AttributesToCrop = ["*"],
        AttributesToHighlight = ["*"],
        ShowMatchesPosition = true,
    };

    /// <summary>Acme stores one huge document; Globex a short one under the same id.</summary>
    private async Task<LuceneSearchEngine> OpenAsync(EmbeddedEngineOptions? options = null, TimeProvider? clock = null)
    {
        options ??= new EmbeddedEngineOptions();
        options.DataRoot = _root;
        var engine = new LuceneSearchEngine(options, clock);
        await engine.CreateIndexAsync(Index, "id");
        await engine.UpdateSettingsAsync(Index, new IndexSettings { FilterableAttributes = ["genre"] });
        var text = new StringBuilder();
        for (var i = 0; i < Words; i++)
        {
            text.Append(i % 100 == 50 ? "needle " : "hay ");
        }

        await engine.AddDocumentsAsync(Acme, Index, [new JsonObject { ["id"] = 1, ["body"] = text.ToString(), ["genre"] = "long" }], DocumentWriteMode.AddOrReplace);
        await engine.AddDocumentsAsync(Globex, Index, [new JsonObject { ["id"] = 1, ["body"] = "one needle in globex", ["genre"] = "short" }], DocumentWriteMode.AddOrReplace);
        return engine;
    }

    [Fact]
    public async Task A_huge_field_is_cropped_highlighted_and_positioned_and_stays_in_its_tenant()
    {
        // The subject is the result, not the speed: a generous time limit keeps a loaded CI machine from tripping it.
        await using var engine = await OpenAsync(new EmbeddedEngineOptions { SearchTimeout = TimeSpan.FromMinutes(5) });

        var acme = await engine.SearchAsync(Acme, Index, Costly);
        var hit = Assert.Single(acme.Hits);
        Assert.Equal("…" + string.Concat(Enumerable.Repeat("hay ", 9)) + "<em>needle</em>…", hit["_formatted"]!["body"]!.GetValue<string>());
        var positions = hit["_matchesPosition"]!["body"]!.AsArray();
        Assert.Equal(Words / 100, positions.Count);
        Assert.Equal(50 * 4, positions[0]!["start"]!.GetValue<int>());
        Assert.Equal((149 * 4) + 7, positions[1]!["start"]!.GetValue<int>());

        var globex = await engine.SearchAsync(Globex, Index, Costly);
        Assert.Equal("one <em>needle</em> in globex", Assert.Single(globex.Hits)["_formatted"]!["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_tiny_work_budget_stops_the_search_with_search_budget_exceeded_for_that_search_only()
    {
        await using var engine = await OpenAsync(new EmbeddedEngineOptions { SearchWorkBudget = 10_000 });

        var error = await Assert.ThrowsAsync<SearchEngineException>(() => engine.SearchAsync(Acme, Index, Costly));
        Assert.Equal(ErrorCodes.SearchBudgetExceeded, error.Code);
        Assert.Equal(503, error.HttpStatus);

        // The other tenant's small search under the same budget still answers.
        Assert.Single((await engine.SearchAsync(Globex, Index, Costly)).Hits);
    }

    [Fact]
    public async Task The_time_limit_stops_the_search_and_facet_search()
    {
        var clock = new LeapingClock(TimeSpan.FromMinutes(1));
        await using var engine = await OpenAsync(new EmbeddedEngineOptions { SearchTimeout = TimeSpan.FromSeconds(5) }, clock);

        var error = await Assert.ThrowsAsync<SearchEngineException>(() => engine.SearchAsync(Acme, Index, Costly));
        Assert.Equal(ErrorCodes.SearchBudgetExceeded, error.Code);
        var facet = await Assert.ThrowsAsync<SearchEngineException>(() => engine.FacetSearchAsync(Globex, Index, new FacetSearchRequest { FacetName = "genre" }));
        Assert.Equal(ErrorCodes.SearchBudgetExceeded, facet.Code);
    }

    [Fact]
    public async Task A_cancelled_caller_stops_the_search()
    {
        await using var engine = await OpenAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => engine.SearchAsync(Acme, Index, Costly, cancelled.Token));
    }

    [Fact]
    public async Task Long_highlight_tags_fail_with_search_response_too_large_before_the_response_is_built()
    {
        await using var engine = await OpenAsync(new EmbeddedEngineOptions { MaxResponseBytes = 1024 * 1024 });
        var tag = new string('x', 10_000);

        var error = await Assert.ThrowsAsync<SearchEngineException>(() => engine.SearchAsync(
            Acme, Index, new SearchRequest { Q = "needle", AttributesToHighlight = ["*"], HighlightPreTag = tag, HighlightPostTag = tag }));
        Assert.Equal(ErrorCodes.SearchResponseTooLarge, error.Code);
        Assert.Equal(413, error.HttpStatus);

        // Globex's one match with the same tags fits.
        Assert.Single((await engine.SearchAsync(Globex, Index, new SearchRequest { Q = "needle", AttributesToHighlight = ["*"], HighlightPreTag = tag, HighlightPostTag = tag })).Hits);
    }

    /// <summary>A clock that moves on by a fixed step each time it is read, so any budgeted search runs out of time.</summary>
    private sealed class LeapingClock(TimeSpan step) : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Add(ref _ticks, step.Ticks);
    }
}
