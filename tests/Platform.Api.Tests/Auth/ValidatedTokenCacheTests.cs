using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Platform.Api.Auth;
using Platform.Search.Keys;
using Platform.Search.Rules;
using Platform.Search.Tokens;

namespace Platform.Api.Tests.Auth;

public sealed class ValidatedTokenCacheTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));

    private ValidatedTokenCache Cache(int size = 100, string masterKey = "MASTER_KEY", long bytes = 64L * 1024 * 1024) =>
        new(Options.Create(new ValidatedTokenCacheOptions { ValidatedCacheSize = size, ValidatedCacheBytes = bytes }), new ApiKeySecrets(masterKey), _time);

    private static TenantTokenClaims Claims(long? exp) => new(Guid.NewGuid(), SearchRules.All, exp);

    [Fact]
    public void A_verified_token_is_found_until_its_exp_and_not_after()
    {
        var cache = Cache();
        var claims = Claims(exp: 1_800_000_010);
        cache.Add("a.b.c", claims);

        Assert.True(cache.TryGet("a.b.c", out var found));
        Assert.Same(claims, found);
        Assert.False(cache.TryGet("a.b.d", out _));

        _time.Advance(TimeSpan.FromSeconds(10)); // now == exp: still valid, as in Meilisearch
        Assert.True(cache.TryGet("a.b.c", out _));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(cache.TryGet("a.b.c", out _));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void A_token_without_exp_stays_until_evicted()
    {
        var cache = Cache();
        cache.Add("no.exp.here", Claims(exp: null));
        _time.Advance(TimeSpan.FromDays(3650));
        Assert.True(cache.TryGet("no.exp.here", out _));
    }

    [Fact]
    public void The_bound_holds_dropping_expired_then_least_recently_used_entries()
    {
        var cache = Cache(size: 10);
        for (var i = 0; i < 5; i++) cache.Add($"expiring.{i}.x", Claims(exp: 1_800_000_001));
        for (var i = 0; i < 5; i++)
        {
            cache.Add($"lasting.{i}.x", Claims(exp: null));
            _time.Advance(TimeSpan.FromTicks(1));
        }

        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(cache.TryGet("lasting.0.x", out _)); // used: now the most recent
        cache.Add("new.0.x", Claims(exp: null)); // full: the five expired entries go
        Assert.Equal(6, cache.Count);

        for (var i = 1; i <= 4; i++)
        {
            _time.Advance(TimeSpan.FromTicks(1));
            cache.Add($"new.{i}.x", Claims(exp: null));
        }

        _time.Advance(TimeSpan.FromTicks(1));
        cache.Add("new.5.x", Claims(exp: null)); // full again, nothing expired: the least recently used go
        Assert.True(cache.Count <= 10);
        Assert.False(cache.TryGet("lasting.1.x", out _));
        Assert.True(cache.TryGet("lasting.0.x", out _));
        Assert.True(cache.TryGet("new.5.x", out _));
    }

    [Fact]
    public void Size_zero_turns_the_cache_off()
    {
        var cache = Cache(size: 0);
        cache.Add("a.b.c", Claims(exp: null));
        Assert.False(cache.TryGet("a.b.c", out _));
    }

    [Fact]
    public void Entries_are_bound_to_the_master_key()
    {
        Assert.NotEqual(new ApiKeySecrets("MASTER_KEY").MasterKeyId, new ApiKeySecrets("OTHER_MASTER_KEY").MasterKeyId);
        Assert.Equal(new ApiKeySecrets("MASTER_KEY").MasterKeyId, new ApiKeySecrets("MASTER_KEY").MasterKeyId);
        Assert.DoesNotContain("MASTER_KEY", new ApiKeySecrets("MASTER_KEY").MasterKeyId, StringComparison.Ordinal);
    }

    [Fact]
    public void The_byte_bound_holds_dropping_least_recently_used_entries_and_skipping_oversized_tokens()
    {
        var large = new string('t', 10_000);
        var entry = ValidatedTokenCache.EstimateBytes(large + "0");
        var cache = Cache(size: 1000, bytes: 4 * entry);
        for (var i = 0; i < 4; i++)
        {
            cache.Add(large + i, Claims(exp: null));
            _time.Advance(TimeSpan.FromTicks(1));
        }

        Assert.Equal(4, cache.Count);
        Assert.True(cache.TryGet(large + "0", out _)); // used: now the most recent
        cache.Add(large + "4", Claims(exp: null));

        Assert.True(cache.Bytes <= cache.MaxBytes);
        Assert.False(cache.TryGet(large + "1", out _));
        Assert.True(cache.TryGet(large + "0", out _));
        Assert.True(cache.TryGet(large + "4", out _));

        var before = cache.Count;
        cache.Add(new string('h', 50_000), Claims(exp: null)); // larger than the whole bound: not cached, nothing evicted
        Assert.Equal(before, cache.Count);
        cache.Clear();
        Assert.Equal(0, cache.Bytes);
    }
}
