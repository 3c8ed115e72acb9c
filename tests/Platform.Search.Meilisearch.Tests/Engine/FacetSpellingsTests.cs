using System.Text.Json.Nodes;
using Platform.Search.Engine;
using Platform.Search.Meilisearch.Engine;

namespace Platform.Search.Meilisearch.Tests.Engine;

/// <summary>Reading spellings out of lookup answers (canned here; the requests themselves are contract-tested).</summary>
public sealed class FacetSpellingsTests
{
    private static async Task<IReadOnlyList<FacetHit>> Spell(string facet, string lookupHits, params string[] values) =>
        await FacetSpellings.SpellAsync([.. values.Select(v => new FacetHit(v, 1))], facet, "acme",
            _ => Task.FromResult(JsonNode.Parse($$"""{"hits":{{lookupHits}}}""")!.AsObject()));

    [Theory]
    [InlineData("""[{"maker":{"name":"Äcme"}}]""")]                     // nested objects
    [InlineData("""[{"maker.name":"Äcme"}]""")]                          // a flat key with a dot
    [InlineData("""[{"maker":[{"name":"x"},{"name":["Äcme"]}]}]""")]     // arrays of objects and of strings
    public async Task The_tenants_spelling_is_found_wherever_the_dotted_path_leads(string hits)
    {
        Assert.Equal("Äcme", Assert.Single(await Spell("maker.name", hits, "ÄCME")).Value);
    }

    [Fact]
    public async Task Values_the_documents_do_not_show_read_in_their_normalised_form()
    {
        var spelled = await Spell("color", """[{"color":42},{"other":"Red"},{"color":null}]""", " Red ", "BLUE");

        Assert.Equal(["red", "blue"], spelled.Select(h => h.Value));
    }

    [Fact]
    public void The_lookup_asks_for_the_tenants_documents_holding_the_values_and_keeps_the_isolation_condition_last()
    {
        var body = FacetSpellings.LookupBody("color", ["Red", "dark blue"], "acme");

        // No distinct: on an array attribute it would skip documents, and a value could be spelled from a later one.
        Assert.Equal("""{"filter":["color IN [Red, \"dark blue\"]","_tenant = \"acme\""],"attributesToRetrieve":["color"],"limit":20}""",
            body.ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    [Fact]
    public async Task The_first_document_holding_a_value_spells_it_even_when_it_holds_other_values_too()
    {
        // Documents come in Meilisearch's order, lowest id first: the array document is the first to hold "red".
        var spelled = await Spell("color", """[{"color":"Rosé"},{"color":["rose","ROSÉ","Red"]},{"color":"red"}]""", "red", "ROSE", "rosé");

        Assert.Equal(["Red", "rose", "Rosé"], spelled.Select(h => h.Value));
    }

    [Fact]
    public void A_lookup_never_asks_past_meilisearchs_hit_limit()
    {
        var body = FacetSpellings.LookupBody("code", [.. Enumerable.Range(0, 150).Select(i => $"v{i}")], "acme");

        Assert.Equal(FacetSpellings.MaxLookupHits, body["limit"]!.GetValue<int>());
    }
}
