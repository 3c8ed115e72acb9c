using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Search.Engine;
using Platform.Search.Filters;
using Platform.Search.Rules;
using Platform.Search.Tokens;

namespace Platform.Search.Meilisearch.Engine;

/// <summary>
/// Backend tenant tokens: the credential of every search the engine sends. One token per (tenant, tenant rule), whose
/// <c>searchRules</c> are <c>{"{prefix}*": {"filter": ["_tenant = \"{tenant}\"", …rule]}}</c>, signed with the search-only
/// <see cref="BackendSearchKey"/>. Meilisearch ANDs that filter onto every search made with it, so even a search
/// body that forgot the tenant (a platform bug) cannot return another tenant's documents.
/// A token is reused until less than <c>refreshRatio</c> of its life is left, then replaced. Tokens live in memory
/// only, never in grain state or logs; the cache is bounded and thread-safe.
/// </summary>
public sealed class BackendTokenCache
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly BackendSearchKey _key;
    private readonly string _indexPattern;
    private readonly TimeSpan _lifetime;
    private readonly TimeSpan _reuseFor;
    private readonly int _capacity;
    private readonly TimeProvider _timeProvider;
    private readonly TenantTokenMinter _minter;
    private readonly Lock _evictionGate = new();

    /// <summary>Creates the cache.</summary>
    /// <param name="key">The search-only key tokens are signed with.</param>
    /// <param name="indexPattern">The physical index pattern tokens authorize, e.g. <c>platform-*</c>.</param>
    /// <param name="lifetime">Token life (<c>exp</c> = issue time + lifetime), at least 1 minute.</param>
    /// <param name="refreshRatio">Share of the life left at which a token is replaced, in (0, 1).</param>
    /// <param name="capacity">Most tokens kept.</param>
    /// <param name="timeProvider">The clock.</param>
    public BackendTokenCache(BackendSearchKey key, string indexPattern, TimeSpan lifetime, double refreshRatio, int capacity, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrEmpty(indexPattern);
        ArgumentOutOfRangeException.ThrowIfLessThan(lifetime, TimeSpan.FromMinutes(1));
        if (!(refreshRatio > 0 && refreshRatio < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(refreshRatio), refreshRatio, "The refresh ratio must be in (0, 1).");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _key = key;
        _indexPattern = indexPattern;
        _lifetime = lifetime;
        _reuseFor = lifetime * (1 - refreshRatio);
        _capacity = capacity;
        _timeProvider = timeProvider;
        _minter = new TenantTokenMinter(timeProvider);
    }

    /// <summary>Tokens currently cached.</summary>
    public int Count => _entries.Count;

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

    /// <summary>The tenant's current backend token: the cached one while it has enough life left, else a new one.</summary>
    public SearchCredential For(TenantScope scope)
    {
        var rules = RulesFor(scope);
        var now = _timeProvider.GetUtcNow();
        // One token per (tenant, effective rules): a tenant whose rules differ per index gets one token per rule.
        var cacheKey = scope.Restriction is { } restriction ? scope.TenantUid + "\n" + FilterPrinter.Print(restriction) : scope.TenantUid;
        if (_entries.TryGetValue(cacheKey, out var cached) && now < cached.RefreshAt)
        {
            return cached.Credential;
        }

        var expiresAt = (now + _lifetime).ToUnixTimeSeconds();
        var token = _minter.Mint(new TenantTokenMintRequest(_key.Key, _key.Uid.ToString("D"), rules) { ExpiresAt = expiresAt });
        var entry = new Entry(new SearchCredential(token), now + _reuseFor);
        _entries[cacheKey] = entry;
        if (_entries.Count > _capacity)
        {
            Evict(now);
        }

        return entry.Credential;
    }

    /// <summary>Drops every cached token (e.g. after the key was replaced).</summary>
    public void Clear() => _entries.Clear();

    private void Evict(DateTimeOffset now)
    {
        lock (_evictionGate)
        {
            foreach (var (tenant, entry) in _entries)
            {
                if (entry.RefreshAt <= now)
                {
                    _entries.TryRemove(new KeyValuePair<string, Entry>(tenant, entry));
                }
            }

            // Still full: drop the tokens closest to their refresh point, down to three quarters of the capacity,
            // so a burst of new tenants does not sort the whole cache on every insert.
            var excess = _entries.Count - (_capacity * 3 / 4);
            if (excess > 0)
            {
                foreach (var (tenant, entry) in _entries.OrderBy(e => e.Value.RefreshAt).Take(excess).ToList())
                {
                    _entries.TryRemove(new KeyValuePair<string, Entry>(tenant, entry));
                }
            }
        }
    }

    private sealed record Entry(SearchCredential Credential, DateTimeOffset RefreshAt);
}
