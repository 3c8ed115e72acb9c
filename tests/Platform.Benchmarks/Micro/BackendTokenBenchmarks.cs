using BenchmarkDotNet.Attributes;
using Platform.Grains.Tenants;
using Platform.Search.Engine;
using Platform.Search.Filters;
using Platform.Search.Meilisearch.Engine;

namespace Platform.Benchmarks.Micro;

/// <summary>
/// What the Meilisearch path adds to each search for its backend token: the tenant grain's cache hit
/// (<see cref="BackendCredentialCache"/>), the engine's check that the cached token fits the scope
/// (<see cref="BackendTokenSigner.CredentialFor"/>), against signing a new token every time.
/// </summary>
[MemoryDiagnoser]
public class BackendTokenBenchmarks
{
    private readonly TimeProvider _time = TimeProvider.System;
    private BackendTokenSigner _signer = null!;
    private BackendCredentialCache _cache = null!;
    private TenantScope _scope;
    private TenantScope _scopeWithCredential;

    [GlobalSetup]
    public void Setup()
    {
        var key = new BackendSearchKey(BackendSearchKey.DefaultUid("platform-"), "3f1a9c0e5b7d2468ace013579bdf2468ace013579bdf2468ace013579bdf0246");
        _signer = new BackendTokenSigner(key, "platform-*", TimeSpan.FromMinutes(10), 0.2, generation: 0, _time);
        _cache = new BackendCredentialCache(new SignerIssuer(_signer), _time, capacity: 64);
        _scope = new TenantScope("tenant-0042") { Restriction = FilterParser.Parse("brand = acme AND price < 100") };
        _scopeWithCredential = _cache.AttachAsync(_scope).AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, Description = "sign a new backend token")]
    public BackendCredential Sign() => _signer.Issue(_scope);

    [Benchmark(Description = "tenant grain's cache hit (subject + lookup)")]
    public ValueTask<TenantScope> CacheHit() => _cache.AttachAsync(_scope);

    [Benchmark(Description = "engine's check of the cached token")]
    public string EngineCheck() => _signer.CredentialFor(_scopeWithCredential).Token;

    /// <summary>The engine's <c>IssueAsync</c> once its key is known: the signer, synchronously.</summary>
    private sealed class SignerIssuer(BackendTokenSigner signer) : IBackendCredentialIssuer
    {
        public long Generation => signer.Generation;

        public ValueTask<BackendCredential> IssueAsync(TenantScope scope, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(signer.Issue(scope));
    }
}
