using System.Diagnostics;
using Platform.Search.Embedded.Analysis;
using Platform.Search.Embedded.Querying;
using Platform.Search.Embedded.Ranking;
using Platform.Search.Embedded.Results;
using Platform.Search.Embedded.Storage;
using Platform.Search.Engine;
using Platform.Search.Errors;

namespace Platform.Search.Embedded.Pipeline;

/// <summary>
/// A facet search over one tenant's documents: the same candidates and matching as a search, then the values of one
/// facet among the documents that qualify. Only the tenant's documents are ever read, so only its values are counted
/// or shown.
/// </summary>
internal sealed class FacetSearchPipeline(IndexRegistry indexes, EmbeddedEngineOptions options, TextAnalyzer analyzer, TimeProvider clock)
{
    public FacetSearchResponse Search(string tenant, string indexUid, FacetSearchRequest request, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var budget = new SearchBudget(options, clock, cancellationToken);
        SearchParameterValues.CheckRankingScoreThreshold(request.RankingScoreThreshold);
        var index = indexes.Require(indexUid);
        var settings = index.Settings;

        // Meilisearch parses the filter, then checks the facet name, and only then evaluates the filter against the
        // filterable attributes, so a non-filterable facet is reported before a non-filterable filter attribute.
        var compiler = new FilterCompiler(indexUid, settings, ErrorCodes.InvalidSearchFilter);
        if (request.Filter is not null)
        {
            compiler.CheckParsed(request.Filter);
        }

        FacetValueSearch.Validate(request.FacetName, settings);
        var filter = request.Filter is null ? null : compiler.Compile(request.Filter);
        var query = ParsedQuery.Parse(request.Q, analyzer);
        var searchable = request.AttributesToSearchOn is { Count: > 0 } on ? on : settings.SearchableAttributes;
        var values = new FacetValueSearch(request.FacetName, request.FacetQuery);

        return index.Read(searcher =>
        {
            var (ids, removalOrder) = TenantCandidates.Find(searcher, index, tenant, query, request.MatchingStrategy, filter);
            budget.Check();
            var sources = new SourceReader(searcher);
            var matcher = query.IsPlaceholder ? null : new DocumentMatcher(query, removalOrder, request.MatchingStrategy, searchable, analyzer);
            foreach (var id in ids)
            {
                var leaves = sources.LoadLeaves(id);
                budget.Spend(1 + leaves.Count);
                if (matcher is not null && (matcher.Evaluate(leaves) is not { } relevance || relevance.Score < (request.RankingScoreThreshold ?? 0)))
                {
                    continue;
                }

                values.Add(leaves);
            }

            return new FacetSearchResponse
            {
                FacetHits = values.Hits(options.MaxValuesPerFacet),
                FacetQuery = request.FacetQuery,
                ProcessingTimeMs = stopwatch.ElapsedMilliseconds,
            };
        });
    }
}
