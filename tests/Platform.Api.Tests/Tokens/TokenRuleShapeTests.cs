using System.Net;
using Platform.Search.Tokens;

namespace Platform.Api.Tests.Tokens;

/// <summary>
/// Every <c>searchRules</c> shape of docs/rules-and-filters.md#search-rules-in-tenant-tokens on the four search routes, against an index where tenant B has
/// documents under the same ids: which documents come back is exactly the rule's filter AND the request's filter,
/// and never one of B's. Sales colours by id: 1 red, 2 blue, 3 green, 4 blue, 5 yellow.
/// </summary>
[Collection(TokenCollection.Name)]
public sealed class TokenRuleShapeTests(TokenServerFixture fixture)
{
    private static readonly int[] All = [1, 2, 3, 4, 5];

    /// <summary>Rules template ({sales}, {products}, {prefix}), request filter, expected ids on sales.</summary>
    private static readonly Dictionary<string, (string Rules, string? Filter, int[] Ids)> Shapes = new()
    {
        ["set *"] = ("""["*"]""", null, All),
        ["set exact"] = ("""["{sales}", "{products}"]""", null, All),
        ["set prefix"] = ("""["{prefix}sa*"]""", null, All),
        ["set prefix with request filter"] = ("""["{prefix}sal*"]""", "color = blue", [2, 4]),
        ["map * empty object"] = ("""{"*": {}}""", null, All),
        ["map * null"] = ("""{"*": null}""", null, All),
        ["map * filter null"] = ("""{"*": {"filter": null}}""", null, All),
        ["map exact null"] = ("""{"{sales}": null}""", null, All),
        ["map exact empty object"] = ("""{"{sales}": {}}""", null, All),
        ["map exact filter string"] = ("""{"{sales}": {"filter": "color = blue"}}""", null, [2, 4]),
        ["map exact filter array"] = ("""{"{sales}": {"filter": ["color = blue"]}}""", null, [2, 4]),
        ["map exact filter OR group"] = ("""{"{sales}": {"filter": [["color = blue", "color = red"]]}}""", null, [1, 2, 4]),
        ["map unknown rule fields ignored"] = ("""{"{sales}": {"filter": "color = green", "sort": ["id:asc"]}}""", null, [3]),
        ["map * filter"] = ("""{"*": {"filter": "color = red"}}""", null, [1]),
        ["exact beats *"] = ("""{"*": {"filter": "color = green"}, "{sales}": {"filter": "color = blue"}}""", null, [2, 4]),
        ["prefix beats *"] = ("""{"*": {"filter": "color = red"}, "{prefix}sal*": {"filter": ["color = green"]}}""", null, [3]),
        ["* empty, prefix filter"] = ("""{"*": {}, "{prefix}sal*": {"filter": ["color = blue"]}}""", null, [2, 4]),
        ["longest prefix wins"] = ("""{"{prefix}s*": {"filter": "color = red"}, "{prefix}sal*": {"filter": "color = blue"}}""", null, [2, 4]),
        ["exact beats prefix"] = ("""{"{prefix}sal*": {"filter": "color = red"}, "{sales}": {"filter": "color = yellow"}}""", null, [5]),
        ["null exact means no filter despite *"] = ("""{"*": {"filter": "color = red"}, "{sales}": null}""", null, All),
        ["empty exact means no filter despite prefix"] = ("""{"{prefix}s*": {"filter": "color = red"}, "{sales}": {}}""", null, All),
        ["request filter ANDed with rule"] = ("""{"{sales}": {"filter": "color = blue"}}""", "color = blue OR color = red", [2, 4]),
        ["request OR cannot escape rule"] = ("""{"{sales}": {"filter": "color = red"}}""", "color = blue OR color = red", [1]),
        ["request filter and rule disjoint"] = ("""{"{sales}": {"filter": "color = red"}}""", "color = green", []),
    };

    public static readonly TheoryData<string, SearchRoute> Rows = BuildRows();

    private static TheoryData<string, SearchRoute> BuildRows()
    {
        var rows = new TheoryData<string, SearchRoute>();
        foreach (var name in Shapes.Keys)
        {
            foreach (var route in TokenSearch.AllRoutes) rows.Add(name, route);
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Rule_shape_selects_exactly_the_expected_documents(string shape, SearchRoute route)
    {
        var w = await fixture.World();
        var (rules, filter, expected) = Shapes[shape];
        var token = Tokens.For(w.KeyA, w.Rules(rules));

        var reply = (await fixture.Client.SearchAsToken(route, w.Sales, token, filter)).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(expected, TokenSearch.Ids(route, reply, w.TenantA));
    }

    [Theory]
    [InlineData(TenantTokenAlgorithm.HS256)]
    [InlineData(TenantTokenAlgorithm.HS384)]
    [InlineData(TenantTokenAlgorithm.HS512)]
    public async Task Every_HMAC_algorithm_is_accepted(TenantTokenAlgorithm algorithm)
    {
        var w = await fixture.World();
        var token = Tokens.For(w.KeyA, w.Rules("""{"{sales}": {"filter": "color = blue"}}"""), exp: fixture.Now + 3600, algorithm);
        foreach (var route in TokenSearch.AllRoutes)
        {
            var reply = (await fixture.Client.SearchAsToken(route, w.Sales, token)).ShouldBe(HttpStatusCode.OK);
            Assert.Equal([2, 4], TokenSearch.Ids(route, reply, w.TenantA));
        }
    }

    [Fact]
    public async Task Tenant_B_tokens_see_only_B_with_the_same_ids()
    {
        var w = await fixture.World();
        var token = Tokens.For(w.KeyB, w.Rules("""{"{sales}": {"filter": "color = blue"}}"""));
        foreach (var route in TokenSearch.AllRoutes)
        {
            var reply = (await fixture.Client.SearchAsToken(route, w.Sales, token)).ShouldBe(HttpStatusCode.OK);
            Assert.Equal([2, 4], TokenSearch.Ids(route, reply, w.TenantB));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Multi_search_applies_each_querys_own_rule(bool federated)
    {
        var w = await fixture.World();
        var token = Tokens.For(w.KeyA, w.Rules(
            """{"{sales}": {"filter": "color = blue"}, "{products}": {"filter": ["color = red"]}, "*": {"filter": "color = green"}}"""));
        var queries = new object[] { new { indexUid = w.Sales }, new { indexUid = w.Products, filter = "color = red OR color = blue" } };
        object body = federated ? new { federation = new { }, queries } : new { queries };

        var reply = (await fixture.Client.PostAsync("/multi-search", body, token)).ShouldBe(HttpStatusCode.OK).Json!;

        if (federated)
        {
            Assert.Equal(3, reply["hits"]!.AsArray().Count);
            Assert.All(reply["hits"]!.AsArray(), h => Assert.StartsWith(w.TenantA + " ", h!["title"]!.GetValue<string>(), StringComparison.Ordinal));
            Assert.Equal(["blue", "blue", "red"], reply["hits"]!.AsArray().Select(h => h!["color"]!.GetValue<string>()).Order().ToArray());
        }
        else
        {
            var results = reply["results"]!.AsArray();
            Assert.Equal([2, 4], results[0]!["hits"]!.AsArray().Select(h => h!["id"]!.GetValue<int>()).Order().ToArray());
            Assert.Equal([1], results[1]!["hits"]!.AsArray().Select(h => h!["id"]!.GetValue<int>()).ToArray());
            Assert.DoesNotContain(w.TenantB, reply.ToJsonString(), StringComparison.Ordinal);
        }
    }
}
