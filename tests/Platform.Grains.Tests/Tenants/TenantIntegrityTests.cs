using System.Text.Json.Nodes;
using Platform.Grains.Errors;
using Platform.Grains.Indexes;
using Platform.Grains.Keys;
using Platform.Grains.Tasks;
using Platform.Grains.Tenants;
using Platform.Search.Engine;
using Platform.Search.Errors;

namespace Platform.Grains.Tests.Tenants;

/// <summary>
/// Integrity across tenants sharing an index (docs/security.md#integrity): whole batches, the operator's primary key,
/// rule-bounded bulk deletes, crash-safe key creation and minting bounded by the signing key.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class TenantIntegrityTests(ClusterFixture fixture)
{
    private async Task<string> NewIndex(string? primaryKey = "id")
    {
        var uid = "idx_" + Guid.NewGuid().ToString("N")[..8];
        var index = fixture.Grains.GetGrain<IIndexGrain>(uid);
        await index.Create(primaryKey);
        await index.UpdateSettings(new IndexSettingsChange(SetFilterableAttributes: true, FilterableAttributes: ["color"]), detailsJson: null);
        return uid;
    }

    private async Task<ITenantGrain> NewTenant(string? rulesJson = null)
    {
        var tenant = fixture.Grains.GetGrain<ITenantGrain>("t-" + Guid.NewGuid().ToString("N")[..12]);
        await tenant.Create(new TenantChanges(RulesJson: rulesJson));
        return tenant;
    }

    private static JsonObject Doc(int id, string color, string title) => new() { ["id"] = id, ["color"] = color, ["title"] = title };

    private static async Task<string> Title(ITenantGrain tenant, string index, string id) =>
        (await tenant.GetDocument(index, id, null))["title"]!.GetValue<string>();

    [Fact]
    public async Task A_batch_failing_on_its_third_document_writes_nothing_even_after_another_tenant_writes()
    {
        var index = await NewIndex();
        var alice = await NewTenant();
        var bob = await NewTenant();
        await alice.AddDocuments(index, [Doc(1, "red", "alice original")], DocumentWriteMode.AddOrReplace, null);

        // Lucene's limit is 32766 bytes per term; an attribute name is one untokenised term (its presence marker).
        var immense = new JsonObject { ["id"] = 3, [new string('x', 40_000)] = "too big" };
        var failed = await alice.AddDocuments(index,
            [Doc(1, "red", "alice changed"), Doc(2, "blue", "alice new"), immense], DocumentWriteMode.AddOrReplace, null);
        Assert.Equal(PlatformTaskStatus.Failed, failed.Status);
        Assert.Equal(ErrorCodes.InvalidDocumentValue, failed.Error!.Code);

        var bobs = await bob.AddDocuments(index, [Doc(1, "red", "bob")], DocumentWriteMode.AddOrReplace, null);
        Assert.Equal(PlatformTaskStatus.Succeeded, bobs.Status);
        Assert.Equal(1, (await alice.GetDocuments(index, new DocumentsQuery())).Total);
        Assert.Equal("alice original", await Title(alice, index, "1"));
        Assert.Equal("bob", await Title(bob, index, "1"));
        Assert.Equal(1, (await bob.GetDocuments(index, new DocumentsQuery())).Total);
    }

    [Fact]
    public async Task A_tenant_cannot_choose_or_change_a_shared_index_primary_key()
    {
        var index = await NewIndex(primaryKey: null);
        var alice = await NewTenant();
        var bob = await NewTenant();

        var chosen = await alice.AddDocuments(index, [Doc(1, "red", "a")], DocumentWriteMode.AddOrReplace, "color");
        Assert.Equal(ErrorCodes.InvalidIndexPrimaryKey, chosen.Error!.Code);
        Assert.Null((await fixture.Grains.GetGrain<IIndexGrain>(index).Get())!.PrimaryKey);
        Assert.Equal(0, (await alice.GetDocuments(index, new DocumentsQuery())).Total);

        // The operator sets it; then a matching parameter is accepted and any other refused.
        await fixture.Grains.GetGrain<IIndexGrain>(index).SetPrimaryKey("id");
        Assert.Equal(PlatformTaskStatus.Succeeded, (await bob.AddDocuments(index, [Doc(1, "red", "b")], DocumentWriteMode.AddOrReplace, "id")).Status);
        var other = await alice.AddDocuments(index, [Doc(1, "red", "a")], DocumentWriteMode.AddOrReplace, "title");
        Assert.Equal(ErrorCodes.IndexPrimaryKeyAlreadyExists, other.Error!.Code);
        Assert.Equal("id", (await fixture.Grains.GetGrain<IIndexGrain>(index).Get())!.PrimaryKey);
        Assert.Equal("b", await Title(bob, index, "1"));
    }

    [Fact]
    public async Task Delete_all_removes_only_what_the_tenant_rule_shows_and_nothing_of_another_tenant()
    {
        var index = await NewIndex();
        var alice = await NewTenant($$$"""{"{{{index}}}":{"filter":"color = red"}}""");
        var bob = await NewTenant();
        await alice.AddDocuments(index, [Doc(1, "red", "r"), Doc(2, "blue", "hidden")], DocumentWriteMode.AddOrReplace, null);
        await bob.AddDocuments(index, [Doc(1, "red", "bob r"), Doc(2, "blue", "bob b")], DocumentWriteMode.AddOrReplace, null);

        var task = await alice.DeleteAllDocuments(index);
        Assert.Equal(PlatformTaskStatus.Succeeded, task.Status);
        Assert.Contains("\"deletedDocuments\":1", task.DetailsJson, StringComparison.Ordinal);
        Assert.Equal(2, (await bob.GetDocuments(index, new DocumentsQuery())).Total);

        // The hidden document is still there: lifting the rule shows it.
        await alice.Update(new TenantChanges(ClearRules: true));
        var left = await alice.GetDocuments(index, new DocumentsQuery());
        Assert.Equal(["hidden"], left.Results.Select(d => d["title"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Key_creation_lists_the_key_before_it_works_and_never_lists_another_tenants_key()
    {
        var alice = await NewTenant();
        var bob = await NewTenant();
        var uid = Guid.NewGuid();
        await alice.CreateKey(new ApiKeyDefinition(uid, null, null, ["search"], ["*"], null));
        Assert.Equal([uid], (await alice.Get())!.KeyUids);

        var taken = await Assert.ThrowsAsync<PlatformException>(() => bob.CreateKey(new ApiKeyDefinition(uid, null, null, ["*"], ["*"], null)));
        Assert.Equal(ErrorCodes.ApiKeyAlreadyExists, taken.Code);
        Assert.Empty((await bob.Get())!.KeyUids);
        Assert.Empty(await bob.ListKeys());
        Assert.Equal(alice.GetPrimaryKeyString(), (await fixture.Grains.GetGrain<IApiKeyGrain>(uid).Get())!.Tenant);

        // A key record whose tenant step never happened (the crash the order guards against) is not listed.
        var orphan = Guid.NewGuid();
        await fixture.Grains.GetGrain<IApiKeyGrain>(orphan).Create(bob.GetPrimaryKeyString(), new ApiKeyDefinition(orphan, null, null, ["search"], ["*"], null));
        Assert.DoesNotContain(orphan, (await bob.Get())!.KeyUids);
    }

    [Fact]
    public async Task Minting_needs_a_signing_key_covering_the_rules()
    {
        var tenant = await NewTenant();
        var narrow = await tenant.CreateKey(new ApiKeyDefinition(Guid.NewGuid(), null, null, ["search"], ["movies"], null));

        var refused = await Assert.ThrowsAsync<PlatformException>(() => tenant.MintToken(new TokenRequest("""["*"]""", ApiKeyUid: narrow.Uid)));
        Assert.Equal(ErrorCodes.InvalidTokenApiKeyUid, refused.Code);
        var none = await Assert.ThrowsAsync<PlatformException>(() => tenant.MintToken(new TokenRequest("""{"books":null}""")));
        Assert.Equal(ErrorCodes.ApiKeyNotFound, none.Code);
        Assert.Equal(narrow.Uid, (await tenant.MintToken(new TokenRequest("""["movies"]"""))).ApiKeyUid);

        // A wider key that cannot search never signs.
        await tenant.CreateKey(new ApiKeyDefinition(Guid.NewGuid(), null, null, ["documents.add"], ["*"], null));
        Assert.Equal(ErrorCodes.ApiKeyNotFound,
            (await Assert.ThrowsAsync<PlatformException>(() => tenant.MintToken(new TokenRequest("""["*"]""")))).Code);
    }
}
