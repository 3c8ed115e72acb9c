using System.Collections.Concurrent;
using BenchmarkDotNet.Attributes;
using Platform.Search.Keys;
using Platform.Search.Rules;
using Platform.Search.Tokens;

namespace Platform.Benchmarks.Micro;

/// <summary>
/// Tenant tokens: a full verification (parent key derived from the master key, HMAC, JSON) against a cached one, and
/// minting against a cached mint. This branch has no validated-token cache yet, so the cached cases are a plain
/// <see cref="ConcurrentDictionary{TKey,TValue}"/> hit (plus the expiry check a real cache must still make): a floor
/// for what any cache can give, not a measurement of a platform cache.
/// </summary>
[MemoryDiagnoser]
public class TokenBenchmarks
{
    private const string MasterKey = "bench-master-key-0123456789abcdef";

    private readonly TimeProvider _time = TimeProvider.System;
    private readonly ConcurrentDictionary<string, TenantTokenVerification> _verified = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _minted = new(StringComparer.Ordinal);
    private TenantTokenVerifier _verifier = null!;
    private TenantTokenMinter _minter = null!;
    private TenantTokenMintRequest _request = null!;
    private string _token = "";
    private string _mintCacheKey = "";

    [GlobalSetup]
    public void Setup()
    {
        _verifier = new TenantTokenVerifier(_time);
        _minter = new TenantTokenMinter(_time);
        var keyUid = Guid.Parse("6062abda-a5aa-4414-ac91-ecd7944c0f8d");
        var rules = SearchRules.Parse("""{"products":{"filter":"brand = acme AND price < 100"},"orders*":null}""");
        _request = new TenantTokenMintRequest(ApiKeyDerivation.DeriveKey(MasterKey, keyUid), keyUid.ToString("D"), rules)
        {
            ExpiresAt = _time.GetUtcNow().AddDays(30).ToUnixTimeSeconds(),
        };
        _token = _minter.Mint(_request);
        _mintCacheKey = _request.ApiKeyUid + "|" + rules.ToCanonicalJson() + "|" + _request.ExpiresAt;
        if (Verify(_token) is not TenantTokenVerification.Verified verified)
        {
            throw new InvalidOperationException("The benchmark token does not verify.");
        }

        _verified[_token] = verified;
        _minted[_mintCacheKey] = _token;
    }

    [Benchmark(Description = "token check, cold (derive parent key + HMAC + JSON)")]
    public TenantTokenVerification VerifyCold() => Verify(_token);

    [Benchmark(Description = "token check, cached (dictionary hit + expiry)")]
    public bool VerifyCached() =>
        _verified.TryGetValue(_token, out var v)
        && v is TenantTokenVerification.Verified { Claims.Exp: var exp }
        && (exp is null || _time.GetUtcNow().ToUnixTimeSeconds() <= exp);

    [Benchmark(Description = "mint")]
    public string Mint() => _minter.Mint(_request);

    [Benchmark(Description = "mint, cached (dictionary hit)")]
    public string MintCached() => _minted.TryGetValue(_mintCacheKey, out var token) ? token : _minter.Mint(_request);

    private TenantTokenVerification Verify(string token) => _verifier.Verify(token, uid => ApiKeyDerivation.DeriveKey(MasterKey, uid));
}
