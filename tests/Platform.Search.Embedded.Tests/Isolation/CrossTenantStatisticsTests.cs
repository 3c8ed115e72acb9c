using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Search.Engine;
using Platform.Search.Filters;
using Platform.Search.Tests.Conformance;

namespace Platform.Search.Embedded.Tests.Isolation;

/// <summary>
/// No statistic of another tenant's documents reaches a tenant's answers: for generated pairs of tenants sharing an
/// index, adding, changing or deleting tenant B's documents never changes anything tenant A sees (hits, order,
/// ranking scores, counts, facets, facet stats, facet search), whatever the query, matching strategy or filter.
/// </summary>
public sealed class CrossTenantStatisticsTests : IAsyncLifetime
{
    private const int Seed = 20261204;
    private const int Cases = 120;
    private const int QueriesPerCase = 12;
    private const string Index = "shared";

    private static readonly string[] Words = ["apple", "banana", "cherry", "appel", "apples", "bananas", "kiwi", "red", "blue"];
    private static readonly string[] Colors = ["red", "blue", "green"];
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "platform-search-tests", Guid.NewGuid().ToString("N"));
    private LuceneSearchEngine _engine = null!;

    public async Task InitializeAsync()
    {
        _engine = new LuceneSearchEngine(new EmbeddedEngineOptions { DataRoot = _root });
        await _engine.CreateIndexAsync(Index, "id");
        await _engine.UpdateSettingsAsync(Index, new IndexSettings
        {
            FilterableAttributes = ["color", "tags", "n"],
            SortableAttributes = ["n"],
        });
    }

    public async Task DisposeAsync()
    {
        await _engine.DisposeAsync();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task Frequency_strategy_counts_words_in_the_callers_documents_only()
    {
        var a = new TenantScope("freq-a");
        var b = new TenantScope("freq-b");
        await Write(a, [Doc("1", "apple pie"), Doc("2", "banana split")]);
        var request = new SearchRequest { Q = "apple banana", MatchingStrategy = MatchingStrategy.Frequency, ShowRankingScore = true };
        var before = Render(await _engine.SearchAsync(a, Index, request));

        // Many of B's documents (same ids too) contain "apple": index-wide statistics would now drop "apple" first.
        await Write(b, [.. Enumerable.Range(0, 20).Select(i => Doc(i.ToString(CultureInfo.InvariantCulture), "apple apple"))]);
        Assert.Equal(before, Render(await _engine.SearchAsync(a, Index, request)));

        await _engine.DeleteAllDocumentsAsync(b, Index);
        Assert.Equal(before, Render(await _engine.SearchAsync(a, Index, request)));
    }

    [Fact]
    public async Task Writes_of_another_tenant_never_change_a_tenants_answers()
    {
        var random = new Random(Seed);
        for (var c = 0; c < Cases; c++)
        {
            var a = new TenantScope($"a{c}");
            var b = new TenantScope($"b{c}");
            await Write(a, Documents(random, 1 + random.Next(12)));
            await Write(b, Documents(random, random.Next(12)));
            var queries = Enumerable.Range(0, QueriesPerCase).Select(_ => Query(random)).ToList();
            var before = await Answers(a, queries);

            await MutateOther(b, random);
            var after = await Answers(a, queries);
            for (var q = 0; q < queries.Count; q++)
            {
                Assert.True(before[q] == after[q], $"case {c}, query {q}: tenant A's answer changed after tenant B's write\nbefore: {before[q]}\nafter:  {after[q]}");
            }
        }
    }

    private async Task MutateOther(TenantScope b, Random random)
    {
        switch (random.Next(4))
        {
            case 0:
                await Write(b, Documents(random, 1 + random.Next(15)));
                break;
            case 1:
                await _engine.DeleteDocumentsAsync(b, Index, [.. Enumerable.Range(0, 6).Select(_ => random.Next(16).ToString(CultureInfo.InvariantCulture))]);
                break;
            case 2:
                await _engine.DeleteDocumentsByFilterAsync(b, Index, F.Eq("color", Colors[random.Next(Colors.Length)]));
                break;
            default:
                await _engine.DeleteAllDocumentsAsync(b, Index);
                await Write(b, Documents(random, random.Next(15)));
                break;
        }
    }

    private async Task<List<string>> Answers(TenantScope a, List<(SearchRequest Search, FacetSearchRequest Facets)> queries)
    {
        var answers = new List<string>(queries.Count);
        foreach (var (search, facets) in queries)
        {
            var response = await _engine.SearchAsync(a, Index, search);
            var facetHits = await _engine.FacetSearchAsync(a, Index, facets);
            answers.Add(Render(response) + "\n" + JsonSerializer.Serialize(facetHits with { ProcessingTimeMs = 0 }, Json));
        }

        return answers;
    }

    private static string Render(SearchResponse response) => JsonSerializer.Serialize(response with { ProcessingTimeMs = 0 }, Json);

    private static (SearchRequest, FacetSearchRequest) Query(Random random)
    {
        var words = Enumerable.Range(0, random.Next(4)).Select(_ => Words[random.Next(Words.Length)]).ToList();
        var q = string.Join(' ', words);
        if (q.Length > 0 && random.Next(3) == 0)
        {
            q = q[..^1]; // the last word becomes a prefix
        }

        var strategy = (MatchingStrategy)random.Next(3);
        FilterExpression? filter = random.Next(3) == 0 ? F.Eq("color", Colors[random.Next(Colors.Length)]) : null;
        var search = new SearchRequest
        {
            Q = q,
            MatchingStrategy = strategy,
            Filter = filter,
            Facets = ["color", "tags", "n"],
            Sort = random.Next(4) == 0 ? ["n:asc"] : null,
            ShowRankingScore = true,
            ShowMatchesPosition = random.Next(2) == 0,
            Limit = 50,
        };
        var facets = new FacetSearchRequest
        {
            FacetName = random.Next(2) == 0 ? "color" : "tags",
            FacetQuery = random.Next(2) == 0 ? null : Words[random.Next(Words.Length)][..2],
            Q = q,
            MatchingStrategy = strategy,
            Filter = filter,
        };
        return (search, facets);
    }

    private static JsonObject[] Documents(Random random, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => Doc(
            random.Next(16).ToString(CultureInfo.InvariantCulture),
            string.Join(' ', Enumerable.Range(0, 1 + random.Next(5)).Select(_ => Words[random.Next(Words.Length)])),
            Colors[random.Next(Colors.Length)],
            random.Next(100),
            Words[random.Next(Words.Length)]))];

    private static JsonObject Doc(string id, string title, string color = "red", int n = 0, string tag = "kiwi") => new()
    {
        ["id"] = id,
        ["title"] = title,
        ["color"] = color,
        ["n"] = n,
        ["tags"] = new JsonArray(tag, "Tag-" + tag),
    };

    private Task Write(TenantScope tenant, JsonObject[] documents) =>
        documents.Length == 0 ? Task.CompletedTask : _engine.AddDocumentsAsync(tenant, Index, documents, DocumentWriteMode.AddOrReplace);
}
