using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Search.Engine;
using Platform.Search.Filters;
using Platform.Search.Rules;
using Platform.Search.Tokens;

namespace Platform.Search.Meilisearch.Engine;

/// <summary>
/// Signs backend tenant tokens, the credential of every search the engine sends: one per (tenant, tenant rule), whose
/// <c>searchRules</c> are <c>{"{prefix}*": {"filter": ["_tenant = \"{tenant}\"", …rule]}}</c>, signed with the
/// search-only <see cref="BackendSearchKey"/>. Meilisearch ANDs that filter onto every search made with it, so even a
/// search body that forgot the tenant (a platform bug) cannot return another tenant's documents. Caching is not done
/// here: the tenant grain keeps the tokens it was issued (docs/meilisearch-engine.md). Thread-safe and immutable.
/// </summary>
internal sealed class BackendTokenSigner
{
    private readonly BackendSearchKey _key;
    private readonly string _indexPattern;
    private readonly TimeSpan _lifetime;
    private readonly TimeSpan _reuseFor;
    private readonly TimeProvider _timeProvider;
    private readonly TenantTokenMinter _minter;

    /// <summary>Creates the signer.</summary>
    /// <param name="key">The search-only key tokens are signed with.</param>
    /// <param name="indexPattern">The physical index pattern tokens authorize, e.g. <c>platform-*</c>.</param>
    /// <param name="lifetime">Token life (<c>exp</c> = issue time + lifetime), at least 1 minute.</param>
    /// <param name="refreshRatio">Share of the life left at which a cached token should be replaced, in (0, 1).</param>
    /// <param name="generation">Tells tokens of this key from those of an earlier one.</param>
    /// <param name="timeProvider">The clock.</param>
    public BackendTokenSigner(BackendSearchKey key, string indexPattern, TimeSpan lifetime, double refreshRatio, long generation, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrEmpty(indexPattern);
        ArgumentOutOfRangeException.ThrowIfLessThan(lifetime, TimeSpan.FromMinutes(1));
        if (!(refreshRatio > 0 && refreshRatio < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(refreshRatio), refreshRatio, "The refresh ratio must be in (0, 1).");
        }

        ArgumentNullException.ThrowIfNull(timeProvider);
        _key = key;
        _indexPattern = indexPattern;
        _lifetime = lifetime;
        _reuseFor = lifetime * (1 - refreshRatio);
        Generation = generation;
        _timeProvider = timeProvider;
        _minter = new TenantTokenMinter(timeProvider);
    }

    /// <summary>The generation stamped on every credential this signer issues.</summary>
    public long Generation { get; }

    /// <summary>
    /// The search rules of <paramref name="scope"/>'s backend token: the isolation filter, then the tenant's own rule
    /// for the index when the scope carries one, in array form (AND), so nothing in a search body can widen them.
    /// </summary>
    public SearchRules RulesFor(TenantScope scope)
    {
        if (scope.IsEmpty)
        {
            throw new ArgumentException("A tenant scope is required.", nameof(scope));
        }

        var filter = new JsonArray(PhysicalLayout.IsolationFilter(scope.TenantUid));
        switch (FilterJson.ToMeilisearch(scope.Restriction))
        {
            case JsonArray all:
                foreach (var operand in all) filter.Add(operand?.DeepClone());
                break;
            case { } single:
                filter.Add(single);
                break;
        }

        return SearchRules.FromRules([new KeyValuePair<string, SearchRule?>(_indexPattern,
            SearchRule.WithFilter(JsonSerializer.SerializeToElement(filter)))]);
    }

    /// <summary>A new token for <paramref name="scope"/>'s tenant and rule.</summary>
    public BackendCredential Issue(TenantScope scope)
    {
        var rules = RulesFor(scope);
        var now = _timeProvider.GetUtcNow();
        var expiresAt = now + _lifetime;
        var token = _minter.Mint(new TenantTokenMintRequest(_key.Key, _key.Uid.ToString("D"), rules) { ExpiresAt = expiresAt.ToUnixTimeSeconds() });
        return new BackendCredential(token, BackendCredential.SubjectOf(scope), now + _reuseFor, DateTimeOffset.FromUnixTimeSeconds(expiresAt.ToUnixTimeSeconds()), Generation);
    }

    /// <summary>
    /// The token to send for <paramref name="scope"/>: the one the caller cached when it was issued by this signer for
    /// this very tenant and rule and has not expired; otherwise a new one. A mismatched credential is never used.
    /// </summary>
    public SearchCredential CredentialFor(TenantScope scope)
    {
        if (scope.Credential is { } cached
            && cached.Generation == Generation
            && _timeProvider.GetUtcNow() < cached.ExpiresAt
            && string.Equals(cached.Subject, BackendCredential.SubjectOf(scope), StringComparison.Ordinal))
        {
            return new SearchCredential(cached.Value);
        }

        return new SearchCredential(Issue(scope).Value);
    }
}
