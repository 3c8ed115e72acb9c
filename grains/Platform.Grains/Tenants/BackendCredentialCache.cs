using Platform.Search.Engine;

namespace Platform.Grains.Tenants;

/// <summary>
/// The tenant grain's backend credentials (for the Meilisearch engine, the backend tenant tokens whose rules carry
/// the isolation filter and the tenant's rule): one per distinct rule, issued by the engine on first use and handed
/// back on every search until its refresh point, or until the engine's signing key changes generation. In memory
/// only (bearer secrets, never in grain state) and bounded: when full, the entry closest to its refresh point goes.
/// Not thread-safe: the grain's turn-based scheduling serializes its use, and a miss that two interleaved searches
/// both take only costs one extra token.
/// </summary>
internal sealed class BackendCredentialCache(IBackendCredentialIssuer issuer, TimeProvider time, int capacity)
{
    private readonly Dictionary<string, BackendCredential> _credentials = new(StringComparer.Ordinal);

    public int Count => _credentials.Count;

    /// <summary><paramref name="scope"/> carrying its current credential: the cached one while fresh, else a new one.</summary>
    public async ValueTask<TenantScope> AttachAsync(TenantScope scope)
    {
        var subject = BackendCredential.SubjectOf(scope);
        if (_credentials.TryGetValue(subject, out var cached) && cached.IsFresh(issuer.Generation, time.GetUtcNow()))
        {
            return scope with { Credential = cached };
        }

        var issued = await issuer.IssueAsync(scope);
        if (!_credentials.ContainsKey(subject) && _credentials.Count >= capacity)
        {
            var closest = _credentials.MinBy(c => c.Value.RefreshAt).Key;
            _credentials.Remove(closest);
        }

        _credentials[subject] = issued;
        return scope with { Credential = issued };
    }

    /// <summary>Forgets every credential (the tenant was updated or deleted).</summary>
    public void Clear() => _credentials.Clear();
}
