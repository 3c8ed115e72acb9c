using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;
using Platform.Api.Auth;
using Platform.Grains.Tenants;
using Platform.Search.Keys;
using Platform.Search.Rules;
using Platform.Search.Tokens;

namespace Platform.Benchmarks.Micro;

/// <summary>
/// Tenant tokens: a full verification (parent key derived from the master key, HMAC, JSON) against the platform's
/// <see cref="ValidatedTokenCache"/> hit, and minting against the tenant grain's <see cref="TenantTokenCache"/> hit.
/// </summary>
[MemoryDiagnoser]
public class TokenBenchmarks
{
    private const string MasterKey = "bench-master-key-0123456789abcdef";

    private readonly TimeProvider _time = TimeProvider.System;
    private TenantTokenVerifier _verifier = null!;
    private TenantTokenMinter _minter = null!;
    private TenantTokenMintRequest _request = null!;
    private ValidatedTokenCache _validated = null!;
    private TenantTokenCache _minted = null!;
    private TenantTokenCache.Key _mintKey;
    private string _token = "";

    [GlobalSetup]
    public void Setup()
    {
        _verifier = new TenantTokenVerifier(_time);
        _minter = new TenantTokenMinter(_time);
        var keyUid = Guid.Parse("6062abda-a5aa-4414-ac91-ecd7944c0f8d");
        var rules = SearchRules.Parse("""{"products":{"filter":"brand = acme AND price < 100"},"orders*":null}""");
        var expiresAt = _time.GetUtcNow().AddDays(30);
        _request = new TenantTokenMintRequest(ApiKeyDerivation.DeriveKey(MasterKey, keyUid), keyUid.ToString("D"), rules)
        {
            ExpiresAt = expiresAt.ToUnixTimeSeconds(),
        };
        _token = _minter.Mint(_request);
        if (Verify(_token) is not TenantTokenVerification.Verified verified)
        {
            throw new InvalidOperationException("The benchmark token does not verify.");
        }

        _validated = new ValidatedTokenCache(Options.Create(new ValidatedTokenCacheOptions()), new ApiKeySecrets(MasterKey), _time);
        _validated.Add(_token, verified.Claims);
        _minted = new TenantTokenCache(capacity: 256, reuseShare: 0.5);
        _mintKey = new TenantTokenCache.Key(rules.ToCanonicalJson(), null, keyUid, "P30D");
        _minted.Add(_mintKey, new MintedToken(_token, keyUid, expiresAt, _time.GetUtcNow()), _time.GetUtcNow());
    }

    [Benchmark(Description = "token check, cold (derive parent key + HMAC + JSON)")]
    public TenantTokenVerification VerifyCold() => Verify(_token);

    [Benchmark(Description = "token check, cached (ValidatedTokenCache hit)")]
    public bool VerifyCached() => _validated.TryGet(_token, out _);

    [Benchmark(Description = "mint")]
    public string Mint() => _minter.Mint(_request);

    [Benchmark(Description = "mint, cached (tenant grain's TenantTokenCache hit)")]
    public string MintCached() => _minted.Find(_mintKey, _time.GetUtcNow())?.Token ?? _minter.Mint(_request);

    private TenantTokenVerification Verify(string token) => _verifier.Verify(token, uid => ApiKeyDerivation.DeriveKey(MasterKey, uid));
}
