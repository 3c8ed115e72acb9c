using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Platform.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Platform.Api.Tests.Isolation;

/// <summary>
/// Generated tenants, documents with colliding ids, and generated filters (including injection attempts) and queries
/// over HTTP: no hit, count, facet value, document read or delete may ever concern another tenant. Every document
/// carries its owner in a plain <c>owner</c> attribute, so a leak is visible in any answer.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CrossTenantPropertyTests(PlatformFixture fixture, ITestOutputHelper output)
{
    private const int Seed = 20261128;
    private const int Tenants = 4;
    private const int SearchCases = 2000;
    private const int ReadCases = 300;
    private const int DeleteCases = 60;

    private static readonly string[] Colors = ["red", "blue", "green", "NOT", "AND", "o'brien", "x = 1) OR (y = 2"];
    private static readonly string[] Words = ["shoe", "hat", "coat", "shoes", "hta", "sock", "boot"];

    private PlatformClient Client => fixture.Client;

    private sealed record Tenant(string Uid, string Key);

    [Fact]
    public async Task No_generated_case_ever_concerns_another_tenant()
    {
        var random = new Random(Seed);
        var index = "iso_" + Guid.NewGuid().ToString("N")[..8];
        (await Client.PostAsync("/indexes", new { uid = index, primaryKey = "id" })).ShouldBe(HttpStatusCode.Accepted);
        (await Client.PatchAsync($"/indexes/{index}/settings", new
        {
            filterableAttributes = new[] { "owner", "color", "n", "tags", "nested.level" },
            sortableAttributes = new[] { "n" },
        })).ShouldBe(HttpStatusCode.Accepted);

        var tenants = new List<Tenant>();
        var owned = new Dictionary<string, HashSet<string>>();
        for (var t = 0; t < Tenants; t++)
        {
            var uid = await Client.CreateTenantAsync($"iso-{t}-{Guid.NewGuid().ToString("N")[..6]}");
            var key = (await Client.CreateKeyAsync(uid, ["*"], ["*"]))["key"]!.GetValue<string>();
            tenants.Add(new Tenant(uid, key));

            // Ids come from one small shared pool, so most ids exist for several tenants.
            var ids = Enumerable.Range(0, 60).Select(_ => random.Next(0, 80).ToString(CultureInfo.InvariantCulture)).ToHashSet();
            owned[uid] = ids;
            var documents = ids.Select(id => Document(random, id, uid)).ToArray();
            var task = await Finished(await Client.PostAsync($"/indexes/{index}/documents", documents, key), key);
            Assert.Equal("succeeded", task["status"]!.GetValue<string>());
        }

        var cases = 0;
        for (var i = 0; i < SearchCases; i++, cases++)
        {
            var caller = tenants[random.Next(tenants.Count)];
            var victim = tenants[random.Next(tenants.Count)];
            await CheckSearch(index, caller, victim, random);
        }

        for (var i = 0; i < ReadCases; i++, cases++)
        {
            var caller = tenants[random.Next(tenants.Count)];
            await CheckRead(index, caller, owned[caller.Uid], random);
        }

        for (var i = 0; i < DeleteCases; i++, cases++)
        {
            var caller = tenants[random.Next(tenants.Count)];
            await CheckDelete(index, caller, tenants, owned, random);
        }

        output.WriteLine($"cross-tenant cases run: {cases} ({SearchCases} searches, {ReadCases} reads, {DeleteCases} deletes) over {Tenants} tenants");
    }

    private async Task CheckSearch(string index, Tenant caller, Tenant victim, Random random)
    {
        var filter = GenerateFilter(random, victim.Uid);
        var body = new JsonObject
        {
            ["q"] = random.Next(3) == 0 ? null : Words[random.Next(Words.Length)],
            ["filter"] = filter?.DeepClone(),
            ["facets"] = new JsonArray("owner", "color"),
            ["limit"] = 100,
        };
        if (random.Next(4) == 0) body["sort"] = new JsonArray("n:asc");

        var reply = await Client.PostAsync($"/indexes/{index}/search", body.ToJsonString(), caller.Key);
        if (MentionsIsolation(filter))
        {
            // Refused: as reserved, or earlier as a syntax error when another part of the filter is invalid.
            reply.ShouldBe(HttpStatusCode.BadRequest);
            Assert.Contains(reply.Code, new[] { "reserved_attribute", "invalid_search_filter" });
            return;
        }

        if (reply.Status != HttpStatusCode.OK)
        {
            // Generated filters may be invalid; that must be a 400 in Meilisearch's shape, never a leak.
            Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
            Assert.Equal("invalid_search_filter", reply.Code);
            return;
        }

        var result = reply.Json!;
        Assert.All(result["hits"]!.AsArray(), hit => Assert.Equal(caller.Uid, hit!["owner"]!.GetValue<string>()));
        var owners = result["facetDistribution"]?["owner"]?.AsObject().Select(p => p.Key).ToArray() ?? [];
        Assert.True(owners.Length == 0 || (owners.Length == 1 && owners[0] == caller.Uid), $"facet owners: {string.Join(",", owners)}");

        // The same search pinned to the caller's own documents must count exactly as many.
        // Fused the way Meilisearch fuses a token rule: [...filter, pin].
        var pin = JsonValue.Create($"owner = \"{caller.Uid}\"");
        body["filter"] = filter switch
        {
            null => pin,
            JsonArray array => new JsonArray([.. array.Select(e => e?.DeepClone()), pin]),
            _ => new JsonArray(filter.DeepClone(), pin),
        };
        var pinned = (await Client.PostAsync($"/indexes/{index}/search", body.ToJsonString(), caller.Key)).ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Equal(pinned["estimatedTotalHits"]!.GetValue<int>(), result["estimatedTotalHits"]!.GetValue<int>());
    }

    private async Task CheckRead(string index, Tenant caller, HashSet<string> ids, Random random)
    {
        var id = random.Next(0, 80).ToString(CultureInfo.InvariantCulture);
        var reply = await Client.GetAsync($"/indexes/{index}/documents/{id}", caller.Key);
        if (ids.Contains(id))
        {
            Assert.Equal(caller.Uid, reply.ShouldBe(HttpStatusCode.OK).Json!["owner"]!.GetValue<string>());
        }
        else
        {
            reply.ShouldFail(HttpStatusCode.NotFound, "document_not_found");
        }

        var page = (await Client.PostAsync($"/indexes/{index}/documents/fetch", new { limit = 1000, filter = "color = red OR NOT color = red" }, caller.Key))
            .ShouldBe(HttpStatusCode.OK).Json!;
        Assert.All(page["results"]!.AsArray(), d => Assert.Equal(caller.Uid, d!["owner"]!.GetValue<string>()));
        Assert.Equal(ids.Count, page["total"]!.GetValue<int>());
    }

    private async Task CheckDelete(string index, Tenant caller, List<Tenant> tenants, Dictionary<string, HashSet<string>> owned, Random random)
    {
        var before = await Totals(index, tenants);
        var ids = owned[caller.Uid];
        if (random.Next(2) == 0)
        {
            var batch = Enumerable.Range(0, 5).Select(_ => random.Next(0, 80).ToString(CultureInfo.InvariantCulture)).Distinct().ToArray();
            var task = await Finished(await Client.PostAsync($"/indexes/{index}/documents/delete-batch", batch, caller.Key), caller.Key);
            Assert.Equal(batch.Count(ids.Contains), task["details"]!["deletedDocuments"]!.GetValue<int>());
            ids.ExceptWith(batch);
        }
        else
        {
            // Deleting "everything that is not mine" must delete nothing at all.
            var victim = tenants.First(t => t.Uid != caller.Uid);
            var task = await Finished(await Client.PostAsync($"/indexes/{index}/documents/delete",
                new { filter = $"owner = \"{victim.Uid}\" OR (NOT owner = \"{caller.Uid}\")" }, caller.Key), caller.Key);
            Assert.Equal(0, task["details"]!["deletedDocuments"]!.GetValue<int>());
        }

        var after = await Totals(index, tenants);
        foreach (var tenant in tenants.Where(t => t.Uid != caller.Uid))
        {
            Assert.Equal(before[tenant.Uid], after[tenant.Uid]);
        }

        Assert.Equal(ids.Count, after[caller.Uid]);
    }

    private async Task<Dictionary<string, int>> Totals(string index, List<Tenant> tenants)
    {
        var totals = new Dictionary<string, int>();
        foreach (var tenant in tenants)
        {
            totals[tenant.Uid] = (await Client.GetAsync($"/indexes/{index}/documents?limit=0", tenant.Key)).ShouldBe(HttpStatusCode.OK).Json!["total"]!.GetValue<int>();
        }

        return totals;
    }

    private async Task<JsonNode> Finished(Reply enqueued, string key)
    {
        enqueued.ShouldBe(HttpStatusCode.Accepted);
        return (await Client.GetAsync($"/tasks/{enqueued.Json!["taskUid"]}", key)).ShouldBe(HttpStatusCode.OK).Json!;
    }

    private static JsonObject Document(Random random, string id, string owner) => new()
    {
        ["id"] = id,
        ["owner"] = owner,
        ["title"] = $"{Words[random.Next(Words.Length)]} {Words[random.Next(Words.Length)]}",
        ["color"] = Colors[random.Next(Colors.Length)],
        ["n"] = random.Next(0, 100),
        ["tags"] = new JsonArray(Words[random.Next(Words.Length)], Colors[random.Next(Colors.Length)]),
        ["nested"] = new JsonObject { ["level"] = random.Next(0, 5) },
    };

    /// <summary>A filter as Meilisearch accepts it (string, array, nested array), biased towards escape attempts.</summary>
    private static JsonNode? GenerateFilter(Random random, string victim) => random.Next(6) switch
    {
        0 => null,
        1 => JsonValue.Create(Expression(random, victim, depth: 0)),
        2 => new JsonArray(JsonValue.Create(Expression(random, victim, 0)), new JsonArray(JsonValue.Create(Expression(random, victim, 1)), JsonValue.Create(Expression(random, victim, 1)))),
        3 => JsonValue.Create(Injection(random, victim)),
        4 => new JsonArray(JsonValue.Create(Injection(random, victim)), JsonValue.Create(Expression(random, victim, 0))),
        _ => JsonValue.Create($"{Expression(random, victim, 0)} OR {Expression(random, victim, 0)} OR owner = \"{victim}\""),
    };

    private static string Expression(Random random, string victim, int depth)
    {
        if (depth < 2 && random.Next(3) == 0)
        {
            var op = random.Next(2) == 0 ? "AND" : "OR";
            return $"({Expression(random, victim, depth + 1)} {op} {Expression(random, victim, depth + 1)})";
        }

        return random.Next(10) switch
        {
            0 => $"NOT {Expression(random, victim, depth + 1)}",
            1 => $"owner = \"{victim}\"",
            2 => $"owner != \"{victim}\"",
            3 => $"n {(random.Next(2) == 0 ? ">" : "<=")} {random.Next(0, 100)}",
            4 => $"n {random.Next(0, 50)} TO {random.Next(50, 100)}",
            5 => $"color IN [{string.Join(", ", Colors.Take(random.Next(1, 4)).Select(Quote))}]",
            6 => $"tags = {Quote(Words[random.Next(Words.Length)])}",
            7 => random.Next(2) == 0 ? "nested.level EXISTS" : "color IS NOT EMPTY",
            8 => random.Next(8) == 0 ? "_tenant EXISTS" : $"color = {Quote(Colors[random.Next(Colors.Length)])}",
            _ => $"color != {Quote(Colors[random.Next(Colors.Length)])}",
        };
    }

    private static string Injection(Random random, string victim) => random.Next(6) switch
    {
        0 => $"color = red) OR (owner = \"{victim}\"",
        1 => $"color = red OR owner = \"{victim}\" OR NOT owner = \"{victim}\"",
        2 => $"NOT NOT owner = \"{victim}\"",
        3 => "color = \"red\\\" OR owner EXISTS OR \\\"\"",
        4 => $"_tenant = \"{victim}\" OR color = red",
        _ => $"owner IN [\"{victim}\", 'x'] OR n >= 0",
    };

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static bool MentionsIsolation(JsonNode? filter) => filter?.ToJsonString().Contains("_tenant", StringComparison.Ordinal) == true;
}
