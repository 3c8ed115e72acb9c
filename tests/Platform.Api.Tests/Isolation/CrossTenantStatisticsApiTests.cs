using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Isolation;

/// <summary>
/// Over HTTP, on every search route (search POST and GET, multi-search plain and federated, facet search): adding,
/// changing or deleting tenant B's documents in a shared index never changes anything in tenant A's answers. Fewer
/// cases than the engine-level test (tests/Platform.Search.Embedded.Tests/Isolation), which runs many more.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CrossTenantStatisticsApiTests(PlatformFixture fixture)
{
    private const int Seed = 20261205;
    private const int Cases = 10;
    private const int QueriesPerCase = 4;

    private static readonly string[] Words = ["apple", "banana", "appel", "apples", "kiwi", "red"];
    private static readonly string[] Colors = ["red", "blue", "green"];
    private static readonly string[] Strategies = ["last", "all", "frequency"];

    private PlatformClient Client => fixture.Client;

    private sealed record Query(string Q, string Strategy, string? Filter, string FacetName, string? FacetQuery);

    [Fact]
    public async Task Writes_of_another_tenant_never_change_a_tenants_answers_on_any_route()
    {
        var random = new Random(Seed);
        var index = "stats_" + Guid.NewGuid().ToString("N")[..8];
        (await Client.PostAsync("/indexes", new { uid = index, primaryKey = "id" })).ShouldBe(HttpStatusCode.Accepted);
        (await Client.PatchAsync($"/indexes/{index}/settings", new { filterableAttributes = new[] { "color", "tags", "n" }, sortableAttributes = new[] { "n" } }))
            .ShouldBe(HttpStatusCode.Accepted);

        for (var c = 0; c < Cases; c++)
        {
            var a = (await Client.CreateKeyAsync(await Client.CreateTenantAsync(), ["*"], ["*"]))["key"]!.GetValue<string>();
            var b = (await Client.CreateKeyAsync(await Client.CreateTenantAsync(), ["*"], ["*"]))["key"]!.GetValue<string>();
            await Write(index, a, Documents(random, 1 + random.Next(10)));
            await Write(index, b, Documents(random, random.Next(10)));
            var queries = Enumerable.Range(0, QueriesPerCase).Select(_ => NewQuery(random)).ToList();
            var before = await Answers(index, a, queries);

            await MutateOther(index, b, random);
            var after = await Answers(index, a, queries);
            for (var i = 0; i < before.Count; i++)
            {
                Assert.True(before[i] == after[i], $"case {c}, answer {i} changed after another tenant's write\nbefore: {before[i]}\nafter:  {after[i]}");
            }
        }
    }

    private async Task MutateOther(string index, string b, Random random)
    {
        var reply = random.Next(4) switch
        {
            0 => await Client.PostAsync($"/indexes/{index}/documents", Documents(random, 1 + random.Next(12)), b),
            1 => await Client.PostAsync($"/indexes/{index}/documents/delete-batch",
                Enumerable.Range(0, 5).Select(_ => random.Next(12).ToString(CultureInfo.InvariantCulture)).ToArray(), b),
            2 => await Client.PostAsync($"/indexes/{index}/documents/delete", new { filter = $"color = {Colors[random.Next(Colors.Length)]}" }, b),
            _ => await Client.DeleteAsync($"/indexes/{index}/documents", b),
        };
        reply.ShouldBe(HttpStatusCode.Accepted);
    }

    /// <summary>A's answers to every query on every route, as JSON without the timing and request-id fields.</summary>
    private async Task<List<string>> Answers(string index, string key, List<Query> queries)
    {
        var answers = new List<string>();
        foreach (var query in queries)
        {
            var body = new JsonObject
            {
                ["q"] = query.Q,
                ["matchingStrategy"] = query.Strategy,
                ["filter"] = query.Filter,
                ["showRankingScore"] = true,
                ["limit"] = 50,
            };
            var faceted = (JsonObject)body.DeepClone();
            faceted["facets"] = new JsonArray("color", "tags", "n");
            answers.Add(await Answer(Client.PostAsync($"/indexes/{index}/search", faceted.ToJsonString(), key)));

            var get = $"/indexes/{index}/search?q={Uri.EscapeDataString(query.Q)}&matchingStrategy={query.Strategy}&facets=color,tags,n&showRankingScore=true&limit=50"
                + (query.Filter is null ? "" : "&filter=" + Uri.EscapeDataString(query.Filter));
            answers.Add(await Answer(Client.GetAsync(get, key)));

            var multi = (JsonObject)faceted.DeepClone();
            multi["indexUid"] = index;
            answers.Add(await Answer(Client.PostAsync("/multi-search", new JsonObject { ["queries"] = new JsonArray(multi) }.ToJsonString(), key)));

            var federated = (JsonObject)body.DeepClone();
            federated["indexUid"] = index;
            federated.Remove("limit");
            answers.Add(await Answer(Client.PostAsync("/multi-search",
                new JsonObject { ["federation"] = new JsonObject { ["limit"] = 50 }, ["queries"] = new JsonArray(federated) }.ToJsonString(), key)));

            var facetSearch = new JsonObject
            {
                ["facetName"] = query.FacetName,
                ["facetQuery"] = query.FacetQuery,
                ["q"] = query.Q,
                ["matchingStrategy"] = query.Strategy,
                ["filter"] = query.Filter,
            };
            answers.Add(await Answer(Client.PostAsync($"/indexes/{index}/facet-search", facetSearch.ToJsonString(), key)));
        }

        return answers;
    }

    private static async Task<string> Answer(Task<Reply> call)
    {
        var json = (await call).ShouldBe(HttpStatusCode.OK).Json!;
        WithoutTimings(json);
        return json.ToJsonString();
    }

    private static void WithoutTimings(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                o.Remove("processingTimeMs");
                o.Remove("requestUid");
                foreach (var (_, value) in o) WithoutTimings(value);
                break;
            case JsonArray array:
                foreach (var item in array) WithoutTimings(item);
                break;
        }
    }

    private static Query NewQuery(Random random)
    {
        var q = string.Join(' ', Enumerable.Range(0, random.Next(4)).Select(_ => Words[random.Next(Words.Length)]));
        return new Query(
            q,
            Strategies[random.Next(Strategies.Length)],
            random.Next(3) == 0 ? $"color = {Colors[random.Next(Colors.Length)]}" : null,
            random.Next(2) == 0 ? "color" : "tags",
            random.Next(2) == 0 ? null : Words[random.Next(Words.Length)][..2]);
    }

    private async Task Write(string index, string key, object[] documents)
    {
        if (documents.Length > 0)
        {
            (await Client.PostAsync($"/indexes/{index}/documents", documents, key)).ShouldBe(HttpStatusCode.Accepted);
        }
    }

    private static object[] Documents(Random random, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => new
        {
            id = random.Next(12).ToString(CultureInfo.InvariantCulture),
            title = string.Join(' ', Enumerable.Range(0, 1 + random.Next(4)).Select(_ => Words[random.Next(Words.Length)])),
            color = Colors[random.Next(Colors.Length)],
            n = random.Next(100),
            tags = new[] { Words[random.Next(Words.Length)], Colors[random.Next(Colors.Length)] },
        })];
}
