using Platform.Grains.Errors;
using Platform.Grains.Keys;
using Platform.Search.Errors;

namespace Platform.Grains.Tests.Keys;

[Collection(ClusterCollection.Name)]
public sealed class ApiKeyGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Updates_reach_the_lookup_and_delete_clears_it_first()
    {
        var uid = Guid.NewGuid();
        var key = fixture.Grains.GetGrain<IApiKeyGrain>(uid);
        await key.Create("tenant-a", new ApiKeyDefinition(uid, null, null, ["search"], ["products"], null));
        var lookup = fixture.Grains.GetGrain<IApiKeyLookupGrain>(fixture.Secrets.FingerprintOf(uid));

        await key.Update(new ApiKeyUpdate(true, "renamed", false, null));
        Assert.Equal("renamed", (await lookup.Resolve())!.Name);

        await key.Delete();
        Assert.Null(await lookup.Resolve());
        Assert.Null(await key.Get());
        await key.Delete();
        Assert.Equal(ErrorCodes.ApiKeyNotFound,
            (await Assert.ThrowsAsync<PlatformException>(() => key.Update(new ApiKeyUpdate(true, "x", false, null)))).Code);
    }

    [Fact]
    public void Expiry_is_strict_as_in_meilisearch()
    {
        var at = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var snapshot = new ApiKeySnapshot(Guid.NewGuid(), "t", null, null, [], [], at, at, at);
        Assert.False(snapshot.IsExpiredAt(at.AddTicks(-1)));
        Assert.True(snapshot.IsExpiredAt(at));
    }
}
