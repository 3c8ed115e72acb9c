using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using Platform.Api.Errors;
using Platform.Search.Engine;
using Platform.Search.Errors;

namespace Platform.Api.Search;

/// <summary>
/// Runs <c>POST /multi-search</c> (docs/api-reference.md#multi-search). The caller supplies the search of one query on one index, with its
/// own authorization and filter fusion; this class runs the queries, reports the first failing one as Meilisearch
/// does, and assembles plain or federated results.
/// </summary>
internal static class MultiSearchOrchestrator
{
    /// <summary>
    /// Hits each query contributes to a federated merge at most: Meilisearch's default <c>maxTotalHits</c>, beyond
    /// which a single search cannot page either.
    /// </summary>
    public const int MaxFederatedHits = 1000;

    // Queries of one request share the cluster with every other request; a few at a time keeps one large
    // multi-search from monopolising it while still overlapping the round trips.
    private const int MaxConcurrentQueries = 4;

    /// <summary>Reads <paramref name="body"/> with <see cref="MultiSearchRequestReader"/> and runs it.</summary>
    public static Task<MultiSearchResult> RunAsync(JsonElement body, SearchOne search, CancellationToken cancellationToken = default) =>
        RunAsync(MultiSearchRequestReader.Read(body), search, cancellationToken);

    /// <summary>
    /// Runs every query. The first failing query in request order aborts the request: its error keeps its code and
    /// gains the prefix <c>Inside `.queries[i]`: </c>, and <c>index_not_found</c> is answered with 400.
    /// </summary>
    /// <param name="request">The multi-search.</param>
    /// <param name="search">One search on one index; it throws <see cref="ApiError"/> or <see cref="SearchEngineException"/> to refuse.</param>
    /// <param name="cancellationToken">Cancels every query.</param>
    public static async Task<MultiSearchResult> RunAsync(MultiSearchRequest request, SearchOne search, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(search);
        if (request.Federation is not { } federation)
        {
            // Meilisearch refuses federationOptions before it looks at the query's filter.
            var plain = request.Queries.Select(q => new PreparedQuery(q, q.Request, FederationOptionsRefused(q) ?? q.FilterError)).ToList();
            var responses = await RunAllAsync(plain, search, cancellationToken);
            return new PlainMultiSearchResult([.. request.Queries.Select((q, i) => new IndexSearchResult(q.IndexUid, responses[i]))]);
        }

        var stopwatch = Stopwatch.StartNew();
        foreach (var query in request.Queries)
        {
            RefuseInFederation(query);
        }

        var window = FederatedMerge.Window(federation);
        var prepared = request.Queries.Select(q => new PreparedQuery(q, q.Request with
        {
            Offset = 0,
            Limit = window.Needed,
            Page = null,
            HitsPerPage = null,
            ShowRankingScore = true,
            Facets = federation.FacetsByIndex.TryGetValue(q.IndexUid, out var facets) ? facets : null,
        }, q.FilterError)).ToList();
        var results = await RunAllAsync(prepared, search, cancellationToken);
        return FederatedMerge.Merge(request.Queries, results, federation, window) with { ProcessingTimeMs = stopwatch.ElapsedMilliseconds };
    }

    /// <summary>One search of one query on one index, already authorized and with the caller's filter fusion.</summary>
    /// <param name="indexUid">The query's index.</param>
    /// <param name="request">The search; its filter is the client's own (null when none).</param>
    /// <param name="queryIndex">The query's position in the request.</param>
    /// <param name="cancellationToken">Cancelled when the request ends or an earlier query failed.</param>
    public delegate Task<SearchResponse> SearchOne(string indexUid, SearchRequest request, int queryIndex, CancellationToken cancellationToken);

    private sealed record PreparedQuery(MultiSearchQuery Query, SearchRequest Request, ApiError? Failure);

    private static ApiError? FederationOptionsRefused(MultiSearchQuery query) => query.HasFederationOptions
        ? new ApiError(ErrorCodes.InvalidMultiSearchFederationOptions,
            $"Using `federationOptions` is not allowed in a non-federated search.\n - Hint: remove `federationOptions` from query #{query.Position} or add `federation` to the request.")
        : null;

    private static void RefuseInFederation(MultiSearchQuery query)
    {
        var i = query.Position;
        if (query.PaginationField is { } field)
        {
            throw new ApiError(ErrorCodes.InvalidMultiSearchQueryPagination,
                $"Inside `.queries[{i}]`: Using pagination options is not allowed in federated queries.\n - Hint: remove `{field}` from query #{i} or remove `federation` from the request\n - Hint: pass `federation.limit` and `federation.offset` for pagination in federated search");
        }

        if (query.Request.Facets is { Count: > 0 } facets)
        {
            var list = "[" + string.Join(", ", facets.Select(f => JsonSerializer.Serialize(f))) + "]";
            throw new ApiError(ErrorCodes.InvalidMultiSearchQueryFacets,
                $"Inside `.queries[{i}]`: Using facet options is not allowed in federated queries.\n - Hint: remove `facets` from query #{i} or remove `federation` from the request\n - Hint: pass `federation.facetsByIndex.{query.IndexUid}: {list}` for facets in federated search");
        }
    }

    /// <summary>
    /// Runs the queries a few at a time and returns their responses in order, or throws the error of the lowest
    /// failing query. When a query fails, only the queries after it are cancelled: an earlier one may still fail,
    /// and its error is the one Meilisearch, which runs them in order, would report.
    /// </summary>
    private static async Task<SearchResponse[]> RunAllAsync(List<PreparedQuery> queries, SearchOne search, CancellationToken cancellationToken)
    {
        var responses = new SearchResponse[queries.Count];
        var failures = new ExceptionDispatchInfo?[queries.Count];
        var cancellations = queries.Select(_ => CancellationTokenSource.CreateLinkedTokenSource(cancellationToken)).ToArray();
        using var gate = new SemaphoreSlim(MaxConcurrentQueries);
        try
        {
            await Task.WhenAll(queries.Select((query, i) => RunOneAsync(i)));
        }
        finally
        {
            foreach (var source in cancellations)
            {
                source.Dispose();
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        for (var i = 0; i < queries.Count; i++)
        {
            if (failures[i] is not { } failure) continue;
            if (SearchErrors.ForQuery(i, failure.SourceException) is { } error) throw error;
            failure.Throw();
        }

        return responses;

        async Task RunOneAsync(int i)
        {
            var token = cancellations[i].Token;
            try
            {
                await gate.WaitAsync(token);
                try
                {
                    var query = queries[i];
                    if (query.Failure is not null) throw query.Failure;
                    responses[i] = await search(query.Query.IndexUid, query.Request, i, token);
                }
                finally
                {
                    gate.Release();
                }
            }
            catch (Exception e)
            {
                failures[i] = ExceptionDispatchInfo.Capture(e);
                lock (cancellations)
                {
                    for (var j = i + 1; j < cancellations.Length; j++)
                    {
                        cancellations[j].Cancel();
                    }
                }
            }
        }
    }
}
