using System.Diagnostics;
using System.Text.Json.Nodes;
using Lucene.Net.Search;
using Platform.Search.Embedded.Analysis;
using Platform.Search.Embedded.Querying;
using Platform.Search.Embedded.Ranking;
using Platform.Search.Embedded.Results;
using Platform.Search.Embedded.Storage;
using Platform.Search.Engine;
using Platform.Search.Errors;

namespace Platform.Search.Embedded.Pipeline;

/// <summary>
/// A search over one tenant's documents: Lucene selects the candidates (<see cref="TenantCandidates"/>); matching,
/// ranking, facets, distinct, paging and formatting run in process over their stored JSON.
/// </summary>
internal sealed class SearchPipeline(IndexRegistry indexes, EmbeddedEngineOptions options, TextAnalyzer analyzer, TimeProvider clock)
{
    /// <summary>Everything a search needs that is decided before any document is read.</summary>
    private sealed record Plan(
        ParsedQuery Query, Query? Filter, SortSpec? Sort, FacetCounter? Facets, string? Distinct, HitFormatter Formatter, IReadOnlyList<string> Searchable,
        SearchBudget Budget);

    public SearchResponse Search(string tenant, string indexUid, SearchRequest request, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        ValidateRequest(request);
        var index = indexes.Require(indexUid);
        var plan = Prepare(indexUid, index.Settings, request, new SearchBudget(options, clock, cancellationToken));
        return index.Read(searcher =>
        {
            var (ids, removalOrder) = TenantCandidates.Find(searcher, index, tenant, plan.Query, request.MatchingStrategy, plan.Filter);
            plan.Budget.Check();
            var sources = new SourceReader(searcher);
            var ranked = Rank(ids, removalOrder, sources, plan, request);
            return Page(ranked, sources, plan, request) with { ProcessingTimeMs = stopwatch.ElapsedMilliseconds };
        });
    }

    private Plan Prepare(string indexUid, IndexSettings settings, SearchRequest request, SearchBudget budget)
    {
        var query = ParsedQuery.Parse(request.Q, analyzer);
        return new Plan(
            query,
            request.Filter is null ? null : new FilterCompiler(indexUid, settings, ErrorCodes.InvalidSearchFilter).Compile(request.Filter),
            SortSpec.Parse(request.Sort, indexUid, settings),
            request.Facets is { Count: > 0 } ? new FacetCounter(request.Facets, settings, options.MaxValuesPerFacet) : null,
            DistinctAttribute.Resolve(request, indexUid, settings),
            new HitFormatter(request, query, analyzer, settings, budget),
            request.AttributesToSearchOn is { Count: > 0 } on ? on : settings.SearchableAttributes,
            budget);
    }

    /// <summary>
    /// The qualifying candidates in rank order, counted into the facets on the way. A placeholder search that needs
    /// nothing of the documents keeps insertion order without reading them.
    /// </summary>
    private List<RankedCandidate> Rank(List<int> ids, int[] removalOrder, SourceReader sources, Plan plan, SearchRequest request)
    {
        var ranked = new List<RankedCandidate>(ids.Count);
        var needDocuments = !plan.Query.IsPlaceholder || plan.Sort is not null || plan.Facets is not null || plan.Distinct is not null
            || request.RankingScoreThreshold is not null;
        if (!needDocuments)
        {
            ranked.AddRange(ids.Select(id => new RankedCandidate(id, Relevance.Placeholder, null, null)));
            return ranked;
        }

        var matcher = plan.Query.IsPlaceholder ? null : new DocumentMatcher(plan.Query, removalOrder, request.MatchingStrategy, plan.Searchable, analyzer);
        foreach (var id in ids)
        {
            var leaves = sources.LoadLeaves(id);
            plan.Budget.Spend(1 + leaves.Count);
            var relevance = matcher is null ? Relevance.Placeholder : matcher.Evaluate(leaves);
            if (relevance is not { } r || r.Score < (request.RankingScoreThreshold ?? 0))
            {
                continue;
            }

            ranked.Add(new RankedCandidate(id, r, plan.Sort?.Extract(leaves), plan.Distinct is null ? null : leaves));
            plan.Facets?.Add(leaves);
        }

        plan.Budget.Check();
        ranked.Sort((a, b) => RankedCandidate.Compare(a, b, plan.Sort));
        return plan.Distinct is null ? ranked : DistinctAttribute.Apply(ranked, plan.Distinct);
    }

    /// <summary>The requested page of formatted hits, with the counts of its pagination mode and the facets.</summary>
    private SearchResponse Page(List<RankedCandidate> ranked, SourceReader sources, Plan plan, SearchRequest request)
    {
        var reachable = Math.Min(ranked.Count, options.MaxTotalHits);
        var pagination = Pagination.Of(request);
        var (start, end) = pagination.Window(reachable);
        var hits = new List<JsonObject>(Math.Max(0, end - start));
        for (var i = start; i < end; i++)
        {
            var candidate = ranked[i];
            plan.Budget.Spend(1);
            hits.Add(plan.Formatter.Format(sources.Load(candidate.DocId), candidate.Relevance));
        }

        var response = new SearchResponse
        {
            Hits = hits,
            Query = request.Q ?? "",
            FacetDistribution = plan.Facets?.Distribution(),
            FacetStats = plan.Facets?.Stats(),
        };
        return pagination.IsPageMode
            ? response with
            {
                HitsPerPage = pagination.HitsPerPage,
                Page = pagination.Page,
                TotalHits = reachable,
                TotalPages = pagination.TotalPages(reachable),
            }
            : response with
            {
                Limit = request.Limit,
                Offset = Math.Min(request.Offset, options.MaxTotalHits),
                EstimatedTotalHits = reachable,
            };
    }

    private static void ValidateRequest(SearchRequest request)
    {
        if (request.Limit < 0) throw SearchEngineErrors.InvalidParameter(ErrorCodes.InvalidSearchLimit, "limit", "expected a non-negative integer.");
        if (request.Offset < 0) throw SearchEngineErrors.InvalidParameter(ErrorCodes.InvalidSearchOffset, "offset", "expected a non-negative integer.");
        if (request.Page < 0) throw SearchEngineErrors.InvalidParameter(ErrorCodes.InvalidSearchPage, "page", "expected a non-negative integer.");
        if (request.HitsPerPage < 0) throw SearchEngineErrors.InvalidParameter(ErrorCodes.InvalidSearchHitsPerPage, "hitsPerPage", "expected a non-negative integer.");
        if (request.CropLength < 0) throw SearchEngineErrors.InvalidParameter(ErrorCodes.InvalidSearchCropLength, "cropLength", "expected a non-negative integer.");
        SearchParameterValues.CheckRankingScoreThreshold(request.RankingScoreThreshold);
    }
}
