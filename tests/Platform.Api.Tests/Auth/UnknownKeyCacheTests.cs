using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Platform.Api.Auth;

namespace Platform.Api.Tests.Auth;

public sealed class UnknownKeyCacheTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));

    private UnknownKeyCache Cache(int size = 100) =>
        new(Options.Create(new AuthOptions { UnknownKeyCacheSize = size, UnknownKeyCacheDuration = TimeSpan.FromSeconds(10) }), _time);

    [Fact]
    public void An_unknown_value_is_remembered_for_its_duration_only()
    {
        var cache = Cache();
        cache.Add("f1");
        Assert.True(cache.Contains("f1"));
        Assert.False(cache.Contains("f2"));

        _time.Advance(TimeSpan.FromSeconds(9));
        Assert.True(cache.Contains("f1"));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(cache.Contains("f1"));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void The_count_never_passes_the_capacity_and_expired_entries_make_room()
    {
        var cache = Cache(size: 3);
        for (var i = 0; i < 10; i++) cache.Add($"f{i}");
        Assert.Equal(3, cache.Count);

        _time.Advance(TimeSpan.FromSeconds(10));
        cache.Add("late");
        Assert.True(cache.Contains("late"));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void A_created_key_is_forgotten_and_size_zero_caches_nothing()
    {
        var cache = Cache();
        cache.Add("f1");
        cache.Forget("f1");
        Assert.False(cache.Contains("f1"));

        var off = Cache(size: 0);
        off.Add("f1");
        Assert.False(off.Contains("f1"));
    }
}
