using Platform.Grains.Directory;
using Platform.Grains.Errors;
using Platform.Grains.Keys;
using Platform.Grains.Tasks;
using Platform.Grains.Tenants;
using Platform.Search.Errors;

namespace Platform.Grains.Tests.Tenants;

[Collection(ClusterCollection.Name)]
public sealed class TenantGrainTests(ClusterFixture fixture)
{
    private static string NewUid() => "t-" + Guid.NewGuid().ToString("N")[..12];

    private static ApiKeyDefinition Key(Guid? uid = null) =>
        new(uid ?? Guid.NewGuid(), "name", null, ["search"], ["*"], null);

    [Fact]
    public async Task Create_is_not_idempotent_and_keeps_the_first_state()
    {
        var uid = NewUid();
        var tenant = fixture.Grains.GetGrain<ITenantGrain>(uid);
        var created = await tenant.Create(new TenantChanges(Name: "first"));
        Assert.Equal(TenantStatus.Active, created.Status);
        Assert.Equal(fixture.Time.GetUtcNow(), created.CreatedAt);

        var error = await Assert.ThrowsAsync<PlatformException>(() => tenant.Create(new TenantChanges(Name: "second")));
        Assert.Equal(ErrorCodes.TenantAlreadyExists, error.Code);
        Assert.Equal("first", (await tenant.Get())!.Name);

        var page = await fixture.Grains.GetGrain<IDirectoryGrain>(ITenantGrain.DirectoryKey).List(0, int.MaxValue);
        Assert.Contains(uid, page.Uids);
    }

    [Fact]
    public async Task Update_applies_only_what_is_given()
    {
        var tenant = fixture.Grains.GetGrain<ITenantGrain>(NewUid());
        await tenant.Create(new TenantChanges(Name: "n", RulesJson: """["products"]"""));
        fixture.Time.Advance(TimeSpan.FromMinutes(1));

        var updated = await tenant.Update(new TenantChanges(Status: TenantStatus.Suspended));
        Assert.Equal("n", updated.Name);
        Assert.Equal("""["products"]""", updated.RulesJson);
        Assert.Equal(TenantStatus.Suspended, updated.Status);
        Assert.True(updated.UpdatedAt > updated.CreatedAt);

        var cleared = await tenant.Update(new TenantChanges(ClearRules: true));
        Assert.Null(cleared.RulesJson);
    }

    [Fact]
    public async Task Missing_tenants_refuse_commands()
    {
        var tenant = fixture.Grains.GetGrain<ITenantGrain>(NewUid());
        Assert.Null(await tenant.Get());
        Assert.Equal(ErrorCodes.TenantNotFound, (await Assert.ThrowsAsync<PlatformException>(() => tenant.Update(new TenantChanges()))).Code);
        Assert.Equal(ErrorCodes.TenantNotFound, (await Assert.ThrowsAsync<PlatformException>(() => tenant.CreateKey(Key()))).Code);
        Assert.False(await tenant.Delete());
    }

    [Fact]
    public async Task Keys_resolve_by_fingerprint_and_vanish_with_the_tenant()
    {
        var uid = NewUid();
        var tenant = fixture.Grains.GetGrain<ITenantGrain>(uid);
        await tenant.Create(new TenantChanges());
        var first = await tenant.CreateKey(Key());
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        var second = await tenant.CreateKey(Key());

        Assert.Equal([second.Uid, first.Uid], (await tenant.ListKeys()).Select(k => k.Uid));
        var lookup = fixture.Grains.GetGrain<IApiKeyLookupGrain>(fixture.Secrets.FingerprintOf(first.Uid));
        Assert.Equal(uid, (await lookup.Resolve())!.Tenant);

        Assert.True(await tenant.Delete());
        Assert.Null(await lookup.Resolve());
        Assert.Null(await fixture.Grains.GetGrain<IApiKeyGrain>(second.Uid).Get());
        var page = await fixture.Grains.GetGrain<IDirectoryGrain>(ITenantGrain.DirectoryKey).List(0, int.MaxValue);
        Assert.DoesNotContain(uid, page.Uids);
    }

    [Fact]
    public async Task A_key_uid_belongs_to_one_tenant_only()
    {
        var keyUid = Guid.NewGuid();
        var owner = fixture.Grains.GetGrain<ITenantGrain>(NewUid());
        var other = fixture.Grains.GetGrain<ITenantGrain>(NewUid());
        await owner.Create(new TenantChanges());
        await other.Create(new TenantChanges());
        await owner.CreateKey(Key(keyUid));

        var error = await Assert.ThrowsAsync<PlatformException>(() => other.CreateKey(Key(keyUid)));
        Assert.Equal(ErrorCodes.ApiKeyAlreadyExists, error.Code);
        Assert.Empty(await other.ListKeys());
        Assert.False(await other.DeleteKey(keyUid));
        Assert.NotNull(await fixture.Grains.GetGrain<IApiKeyGrain>(keyUid).Get());
    }

    [Fact]
    public async Task Key_updates_go_through_the_owning_tenant_only()
    {
        var owner = fixture.Grains.GetGrain<ITenantGrain>(NewUid());
        var other = fixture.Grains.GetGrain<ITenantGrain>(NewUid());
        await owner.Create(new TenantChanges());
        await other.Create(new TenantChanges());
        var key = await owner.CreateKey(Key());

        var updated = await owner.UpdateKey(key.Uid, new ApiKeyUpdate(true, "renamed", false, null));
        Assert.Equal("renamed", updated.Name);
        var error = await Assert.ThrowsAsync<PlatformException>(() => other.UpdateKey(key.Uid, new ApiKeyUpdate(true, "stolen", false, null)));
        Assert.Equal(ErrorCodes.ApiKeyNotFound, error.Code);
        Assert.Equal("renamed", (await fixture.Grains.GetGrain<IApiKeyGrain>(key.Uid).Get())!.Name);
    }

    [Fact]
    public async Task Deletion_as_a_task_records_an_operator_tenant_deletion()
    {
        var uid = NewUid();
        var tenant = fixture.Grains.GetGrain<ITenantGrain>(uid);
        await tenant.Create(new TenantChanges());
        await tenant.CreateKey(Key());

        var task = await tenant.DeleteAsTask();

        Assert.Equal(TaskTypes.TenantDeletion, task.Type);
        Assert.Null(task.Tenant);
        Assert.Equal($$"""{"tenantUid":"{{uid}}","deletedKeys":1}""", task.DetailsJson);
        Assert.Null(await tenant.Get());
    }
}
