using Platform.Grains.Tenants;

namespace Platform.Grains.Tests.Tenants;

public sealed class TenantTokenCacheTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

    private static TenantTokenCache.Key Key(string rules = "[\"*\"]", Guid? keyUid = null) => new(rules, null, keyUid ?? Guid.Empty, "default");

    private static MintedToken Token(string value, DateTimeOffset issued, int lifeSeconds = 100, Guid? keyUid = null) =>
        new(value, keyUid ?? Guid.Empty, issued.AddSeconds(lifeSeconds), issued);

    [Fact]
    public void Reuse_ends_at_the_configured_share_of_life()
    {
        var cache = new TenantTokenCache(10, reuseShare: 0.25);
        cache.Add(Key(), Token("a", T0), T0);
        Assert.Equal("a", cache.Find(Key(), T0.AddSeconds(74))!.Token);
        Assert.Null(cache.Find(Key(), T0.AddSeconds(75)));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void The_bound_drops_stale_tokens_first_then_the_oldest()
    {
        var cache = new TenantTokenCache(3, reuseShare: 0.5);
        cache.Add(Key("1"), Token("1", T0), T0);
        cache.Add(Key("2"), Token("2", T0.AddSeconds(40)), T0.AddSeconds(40));
        cache.Add(Key("3"), Token("3", T0.AddSeconds(45)), T0.AddSeconds(45));

        cache.Add(Key("4"), Token("4", T0.AddSeconds(60)), T0.AddSeconds(60)); // "1" is past its reuse point
        Assert.Equal(3, cache.Count);
        Assert.Null(cache.Find(Key("1"), T0.AddSeconds(60)));

        cache.Add(Key("5"), Token("5", T0.AddSeconds(61)), T0.AddSeconds(61)); // none stale: the oldest ("2") goes
        Assert.Equal(3, cache.Count);
        Assert.Null(cache.Find(Key("2"), T0.AddSeconds(61)));
        Assert.NotNull(cache.Find(Key("3"), T0.AddSeconds(61)));
    }

    [Fact]
    public void Dropping_a_key_forgets_only_its_tokens()
    {
        var (k1, k2) = (Guid.NewGuid(), Guid.NewGuid());
        var cache = new TenantTokenCache(10, 0.5);
        cache.Add(Key(keyUid: k1), Token("1", T0, keyUid: k1), T0);
        cache.Add(Key(keyUid: k2), Token("2", T0, keyUid: k2), T0);
        cache.DropKey(k1);
        Assert.Null(cache.Find(Key(keyUid: k1), T0));
        Assert.NotNull(cache.Find(Key(keyUid: k2), T0));
    }

    [Fact]
    public void Capacity_zero_caches_nothing()
    {
        var cache = new TenantTokenCache(0, 0.5);
        cache.Add(Key(), Token("a", T0), T0);
        Assert.Null(cache.Find(Key(), T0));
    }

    [Fact]
    public void The_byte_bound_evicts_the_oldest_and_refuses_an_entry_larger_than_itself()
    {
        var big = new string('r', 1000);
        var entry = TenantTokenCache.SizeOf(Key(big + "1"), Token("1", T0));
        var cache = new TenantTokenCache(100, 0.5, maxBytes: (2 * entry) + 10);
        cache.Add(Key(big + "1"), Token("1", T0), T0);
        cache.Add(Key(big + "2"), Token("2", T0.AddSeconds(1)), T0.AddSeconds(1));
        cache.Add(Key(big + "3"), Token("3", T0.AddSeconds(2)), T0.AddSeconds(2));

        Assert.Equal(2, cache.Count);
        Assert.True(cache.Bytes <= (2 * entry) + 10);
        Assert.Null(cache.Find(Key(big + "1"), T0.AddSeconds(2)));
        Assert.NotNull(cache.Find(Key(big + "3"), T0.AddSeconds(2)));

        // Rules the size of five megabytes (the reported attack) are never kept, and evict nothing.
        cache.Add(Key(new string('x', 5_000_000)), Token("huge", T0.AddSeconds(3)), T0.AddSeconds(3));
        Assert.Equal(2, cache.Count);
        Assert.Null(cache.Find(Key(new string('x', 5_000_000)), T0.AddSeconds(3)));
    }

    [Fact]
    public void Removing_and_clearing_give_the_bytes_back()
    {
        var (k1, k2) = (Guid.NewGuid(), Guid.NewGuid());
        var cache = new TenantTokenCache(10, 0.5);
        cache.Add(Key(keyUid: k1), Token("1", T0, keyUid: k1), T0);
        cache.Add(Key(keyUid: k2), Token("2", T0, keyUid: k2), T0);
        cache.DropKey(k1);
        Assert.Equal(TenantTokenCache.SizeOf(Key(keyUid: k2), Token("2", T0, keyUid: k2)), cache.Bytes);
        cache.Clear();
        Assert.Equal(0, cache.Bytes);
    }
}
