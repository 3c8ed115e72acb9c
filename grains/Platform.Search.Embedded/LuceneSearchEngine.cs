using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Platform.Search.Embedded.Analysis;
using Platform.Search.Embedded.Json;
using Platform.Search.Embedded.Querying;
using Platform.Search.Embedded.Ranking;
using Platform.Search.Embedded.Results;
using Platform.Search.Embedded.Storage;
using Platform.Search.Engine;
using Platform.Search.Filters;

namespace Platform.Search.Embedded;

/// <summary>
/// The embedded engine: one Lucene index per logical index under <see cref="EmbeddedEngineOptions.DataRoot"/>.
/// Lucene selects candidates (tenant, filter, words with prefix and typo expansion); ranking, facets, distinct and
/// formatting run in process over the stored JSON of the candidates. Every read goes through
/// <see cref="LuceneIndex.Scoped"/>, every delete carries the tenant term, and every write keys documents by
/// (tenant, id), so tenants never see or touch each other's documents.
/// </summary>
public sealed class LuceneSearchEngine : ISearchEngine, IDisposable
{
    private readonly EmbeddedEngineOptions _options;
    private readonly string _indexesRoot;
    private readonly ConcurrentDictionary<string, LuceneIndex> _indexes = new(StringComparer.Ordinal);
    private readonly Lock _lifecycle = new();
    private readonly TextAnalyzer _analyzer = TextAnalyzer.Instance;
    private bool _disposed;

    public LuceneSearchEngine(EmbeddedEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validation = new EmbeddedEngineOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new ArgumentException(string.Join(" ", validation.Failures), nameof(options));
        }

        _options = options;
        _indexesRoot = Path.Combine(Path.GetFullPath(options.DataRoot), "indexes");
        Directory.CreateDirectory(_indexesRoot);
    }

    // ---- indexes -------------------------------------------------------------------------------------------

    public Task<IndexInfo> CreateIndexAsync(string indexUid, string? primaryKey = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ValidateUid(indexUid);
        lock (_lifecycle)
        {
            if (TryGet(indexUid) is not null)
            {
                throw SearchEngineErrors.IndexAlreadyExists(indexUid);
            }

            var index = LuceneIndex.Create(indexUid, Folder(indexUid), new IndexSettings { PrimaryKey = primaryKey });
            _indexes[indexUid] = index;
            return Task.FromResult(new IndexInfo(indexUid, primaryKey));
        }
    }

    public Task<IndexInfo> GetIndexAsync(string indexUid, CancellationToken cancellationToken = default)
    {
        var index = Require(indexUid);
        return Task.FromResult(new IndexInfo(indexUid, index.Settings.PrimaryKey));
    }

    public Task<bool> DeleteIndexAsync(string indexUid, CancellationToken cancellationToken = default)
    {
        ValidateUid(indexUid);
        lock (_lifecycle)
        {
            var index = TryGet(indexUid);
            if (index is null)
            {
                return Task.FromResult(false);
            }

            lock (index.WriteLock)
            {
                _indexes.TryRemove(indexUid, out _);
                index.Dispose();
                index.DeleteFiles();
            }

            return Task.FromResult(true);
        }
    }

    public Task<IndexSettings> GetSettingsAsync(string indexUid, CancellationToken cancellationToken = default) =>
        Task.FromResult(Require(indexUid).Settings);

    public Task<IndexSettings> UpdateSettingsAsync(string indexUid, IndexSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var lists = new[] { settings.FilterableAttributes, settings.SortableAttributes, settings.SearchableAttributes, settings.DisplayedAttributes };
        if (lists.Any(l => l.Contains(SearchEngineErrors.TenantAttribute)) || settings.DistinctAttribute == SearchEngineErrors.TenantAttribute
            || settings.PrimaryKey == SearchEngineErrors.TenantAttribute)
        {
            throw SearchEngineErrors.ReservedAttribute("settings");
        }

        var index = Require(indexUid);
        lock (index.WriteLock)
        {
            var current = index.Settings;
            var primaryKey = settings.PrimaryKey ?? current.PrimaryKey;
            if (current.PrimaryKey is not null && primaryKey != current.PrimaryKey && index.Read(s => s.IndexReader.NumDocs) > 0)
            {
                throw SearchEngineErrors.PrimaryKeyAlreadyPresent(indexUid, current.PrimaryKey);
            }

            var updated = settings with { PrimaryKey = primaryKey };
            index.SaveSettings(updated);
            return Task.FromResult(updated);
        }
    }

    // ---- documents -----------------------------------------------------------------------------------------

    public Task<DocumentWriteResult> AddDocumentsAsync(
        TenantScope scope,
        string indexUid,
        IReadOnlyList<JsonObject> documents,
        DocumentWriteMode mode,
        string? primaryKey = null,
        CancellationToken cancellationToken = default)
    {
        var tenant = Tenant(scope);
        ArgumentNullException.ThrowIfNull(documents);
        cancellationToken.ThrowIfCancellationRequested();
        ValidateUid(indexUid);
        if (documents.Any(d => d.ContainsKey(SearchEngineErrors.TenantAttribute)))
        {
            throw SearchEngineErrors.ReservedAttribute("documents");
        }

        var index = GetOrCreate(indexUid);
        lock (index.WriteLock)
        {
            var settings = index.Settings;
            if (primaryKey is not null && settings.PrimaryKey is not null && primaryKey != settings.PrimaryKey)
            {
                throw SearchEngineErrors.PrimaryKeyAlreadyPresent(indexUid, settings.PrimaryKey);
            }

            if (documents.Count == 0)
            {
                return Task.FromResult(new DocumentWriteResult(0, 0));
            }

            var key = settings.PrimaryKey ?? primaryKey ?? DocumentIds.Infer(documents[0]);
            var pending = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
            foreach (var document in documents)
            {
                var id = DocumentIds.Extract(document, key);
                if (mode == DocumentWriteMode.AddOrUpdate
                    && (pending.TryGetValue(id, out var stored) || (stored = Load(index, tenant, id)) is not null))
                {
                    var merged = (JsonObject)stored.DeepClone();
                    foreach (var (name, value) in document)
                    {
                        merged[name] = value?.DeepClone();
                    }

                    pending[id] = merged;
                }
                else
                {
                    pending[id] = (JsonObject)document.DeepClone();
                }
            }

            if (settings.PrimaryKey != key)
            {
                index.SaveSettings(settings with { PrimaryKey = key });
            }

            foreach (var (id, document) in pending)
            {
                index.Writer.UpdateDocument(new Term(FieldNames.Key, FieldNames.DocumentKey(tenant, id)), DocumentMapper.Map(tenant, id, document));
            }

            index.CommitAndRefresh();
            return Task.FromResult(new DocumentWriteResult(documents.Count, pending.Count));
        }
    }

    public Task<DocumentDeletionResult> DeleteDocumentsAsync(TenantScope scope, string indexUid, IReadOnlyList<string> documentIds, CancellationToken cancellationToken = default)
    {
        var tenant = Tenant(scope);
        ArgumentNullException.ThrowIfNull(documentIds);
        var index = Require(indexUid);
        lock (index.WriteLock)
        {
            // Ids that cannot exist are skipped, which also keeps the internal key (tenant, id) unambiguous.
            var terms = documentIds.Where(DocumentIds.IsValid).Distinct(StringComparer.Ordinal)
                .Select(id => new Term(FieldNames.Key, FieldNames.DocumentKey(tenant, id)))
                .ToArray();
            var deleted = index.Read(s => terms.Count(t => s.Search(index.Scoped(tenant, new TermQuery(t)), 1).TotalHits > 0));
            if (terms.Length > 0)
            {
                index.Writer.DeleteDocuments(terms);
                index.CommitAndRefresh();
            }

            return Task.FromResult(new DocumentDeletionResult(documentIds.Count, deleted));
        }
    }

    public Task<DocumentDeletionResult> DeleteDocumentsByFilterAsync(TenantScope scope, string indexUid, FilterExpression filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var tenant = Tenant(scope);
        var index = Require(indexUid);
        var query = new FilterCompiler(indexUid, index.Settings, "invalid_document_filter").Compile(filter);
        return Task.FromResult(DeleteWhere(index, tenant, query));
    }

    public Task<DocumentDeletionResult> DeleteAllDocumentsAsync(TenantScope scope, string indexUid, CancellationToken cancellationToken = default)
    {
        var tenant = Tenant(scope);
        return Task.FromResult(DeleteWhere(Require(indexUid), tenant, new MatchAllDocsQuery()));
    }

    private static DocumentDeletionResult DeleteWhere(LuceneIndex index, string tenant, Query query)
    {
        lock (index.WriteLock)
        {
            var deleted = index.Read(s => Collect(s, index.Scoped(tenant, query)).Count);
            if (deleted > 0)
            {
                // The tenant term is a required clause of the delete itself, not only of the count above.
                index.Writer.DeleteDocuments(new BooleanQuery
                {
                    { new TermQuery(new Term(FieldNames.Tenant, tenant)), Occur.MUST },
                    { query, Occur.MUST },
                });
                index.CommitAndRefresh();
            }

            return new DocumentDeletionResult(0, deleted);
        }
    }

    public Task<JsonObject> GetDocumentAsync(TenantScope scope, string indexUid, string documentId, IReadOnlyList<string>? fields = null, CancellationToken cancellationToken = default)
    {
        var tenant = Tenant(scope);
        CheckFields(fields);
        var index = Require(indexUid);
        var document = (DocumentIds.IsValid(documentId) ? Load(index, tenant, documentId) : null)
            ?? throw SearchEngineErrors.DocumentNotFound(documentId);
        return Task.FromResult(fields is { Count: > 0 } ? JsonLeaves.Project(document, fields) : document);
    }

    public Task<DocumentsPage> GetDocumentsAsync(TenantScope scope, string indexUid, DocumentsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var tenant = Tenant(scope);
        CheckFields(query.Fields);
        if (query.Offset < 0 || query.Limit < 0)
        {
            throw new SearchEngineException(query.Offset < 0 ? "invalid_document_offset" : "invalid_document_limit", "Offset and limit must be non-negative integers.");
        }

        var index = Require(indexUid);
        var filter = query.Filter is null ? new MatchAllDocsQuery() : new FilterCompiler(indexUid, index.Settings, "invalid_document_filter").Compile(query.Filter);
        return Task.FromResult(index.Read(searcher =>
        {
            var ids = Collect(searcher, index.Scoped(tenant, filter));
            var sources = new SourceReader(searcher);
            var page = ids.Skip(query.Offset).Take(query.Limit)
                .Select(sources.Load)
                .Select(d => query.Fields is { Count: > 0 } f ? JsonLeaves.Project(d, f) : d)
                .ToList();
            return new DocumentsPage(page, query.Offset, query.Limit, ids.Count);
        }));
    }

    // ---- search --------------------------------------------------------------------------------------------

    public Task<SearchResponse> SearchAsync(TenantScope scope, string indexUid, SearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var stopwatch = Stopwatch.StartNew();
        var tenant = Tenant(scope);
        ValidateRequest(request);
        var index = Require(indexUid);
        var settings = index.Settings;

        var query = ParsedQuery.Parse(request.Q, _analyzer);
        var filter = request.Filter is null ? null : new FilterCompiler(indexUid, settings, "invalid_search_filter").Compile(request.Filter);
        var sort = SortSpec.Parse(request.Sort, indexUid, settings);
        var facets = request.Facets is { Count: > 0 } ? new FacetCounter(request.Facets, settings, _options.MaxValuesPerFacet) : null;
        var distinct = ResolveDistinct(request, indexUid, settings);
        var formatter = new HitFormatter(request, query, _analyzer, settings);
        var searchable = request.AttributesToSearchOn is { Count: > 0 } on ? on : settings.SearchableAttributes;

        return Task.FromResult(index.Read(searcher =>
        {
            var (ids, removalOrder) = TenantCandidates(searcher, index, tenant, query, request.MatchingStrategy, filter);
            cancellationToken.ThrowIfCancellationRequested();
            var sources = new SourceReader(searcher);

            var ranked = new List<Candidate>(ids.Count);
            var needDocuments = !query.IsPlaceholder || sort is not null || facets is not null || distinct is not null || request.RankingScoreThreshold is not null;
            if (!needDocuments)
            {
                ranked.AddRange(ids.Select(id => new Candidate(id, Relevance.Placeholder, null, null)));
            }
            else
            {
                var matcher = query.IsPlaceholder ? null : new DocumentMatcher(query, removalOrder, request.MatchingStrategy, searchable, _analyzer);
                foreach (var id in ids)
                {
                    var leaves = sources.LoadLeaves(id);
                    var relevance = matcher is null ? Relevance.Placeholder : matcher.Evaluate(leaves);
                    if (relevance is not { } r || r.Score < (request.RankingScoreThreshold ?? 0))
                    {
                        continue;
                    }

                    ranked.Add(new Candidate(id, r, sort?.Extract(leaves), distinct is null ? null : leaves));
                    facets?.Add(leaves);
                }

                ranked.Sort((a, b) => Compare(a, b, sort));
                if (distinct is not null)
                {
                    ranked = Distinct(ranked, distinct);
                }
            }

            var reachable = Math.Min(ranked.Count, _options.MaxTotalHits);
            int start, end;
            var response = new SearchResponse { Hits = [], Query = request.Q ?? "" };
            if (request.IsPageMode)
            {
                var hitsPerPage = request.HitsPerPage ?? 20;
                var page = request.Page ?? 1;
                start = page == 0 || hitsPerPage == 0 ? 0 : (int)Math.Min((long)(page - 1) * hitsPerPage, reachable);
                end = page == 0 || hitsPerPage == 0 ? 0 : (int)Math.Min((long)start + hitsPerPage, reachable);
                response = response with
                {
                    HitsPerPage = hitsPerPage,
                    Page = page,
                    TotalHits = reachable,
                    TotalPages = hitsPerPage == 0 ? 0 : (reachable + hitsPerPage - 1) / hitsPerPage,
                };
            }
            else
            {
                start = Math.Min(request.Offset, reachable);
                end = (int)Math.Min((long)start + request.Limit, reachable);
                response = response with
                {
                    Limit = request.Limit,
                    Offset = Math.Min(request.Offset, _options.MaxTotalHits),
                    EstimatedTotalHits = reachable,
                };
            }

            var hits = new List<JsonObject>(Math.Max(0, end - start));
            for (var i = start; i < end; i++)
            {
                var candidate = ranked[i];
                hits.Add(formatter.Format(sources.Load(candidate.DocId), candidate.Relevance));
            }

            return response with
            {
                Hits = hits,
                FacetDistribution = facets?.Distribution(),
                FacetStats = facets?.Stats(),
                ProcessingTimeMs = stopwatch.ElapsedMilliseconds,
            };
        }));
    }

    public Task<FacetSearchResponse> FacetSearchAsync(TenantScope scope, string indexUid, FacetSearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.FacetName);
        var stopwatch = Stopwatch.StartNew();
        var tenant = Tenant(scope);
        if (request.RankingScoreThreshold is < 0 or > 1)
        {
            throw SearchEngineErrors.InvalidParameter("invalid_search_ranking_score_threshold", "rankingScoreThreshold", "the value of `rankingScoreThreshold` is invalid, expected a float between `0.0` and `1.0`.");
        }

        var index = Require(indexUid);
        var settings = index.Settings;

        // Meilisearch parses the filter, then checks the facet name, and only then evaluates the filter against the
        // filterable attributes, so a non-filterable facet is reported before a non-filterable filter attribute.
        var compiler = new FilterCompiler(indexUid, settings, "invalid_search_filter");
        if (request.Filter is not null)
        {
            compiler.CheckParsed(request.Filter);
        }

        FacetValueSearch.Validate(request.FacetName, settings);
        var filter = request.Filter is null ? null : compiler.Compile(request.Filter);
        var query = ParsedQuery.Parse(request.Q, _analyzer);
        var searchable = request.AttributesToSearchOn is { Count: > 0 } on ? on : settings.SearchableAttributes;
        var values = new FacetValueSearch(request.FacetName, request.FacetQuery);

        return Task.FromResult(index.Read(searcher =>
        {
            // Only the tenant's documents are ever read, so only its values are counted or shown.
            var (ids, removalOrder) = TenantCandidates(searcher, index, tenant, query, request.MatchingStrategy, filter);
            cancellationToken.ThrowIfCancellationRequested();
            var sources = new SourceReader(searcher);
            var matcher = query.IsPlaceholder ? null : new DocumentMatcher(query, removalOrder, request.MatchingStrategy, searchable, _analyzer);
            foreach (var id in ids)
            {
                var leaves = sources.LoadLeaves(id);
                if (matcher is not null && (matcher.Evaluate(leaves) is not { } relevance || relevance.Score < (request.RankingScoreThreshold ?? 0)))
                {
                    continue;
                }

                values.Add(leaves);
            }

            return new FacetSearchResponse
            {
                FacetHits = values.Hits(_options.MaxValuesPerFacet),
                FacetQuery = request.FacetQuery,
                ProcessingTimeMs = stopwatch.ElapsedMilliseconds,
            };
        }));
    }

    private sealed record Candidate(int DocId, Relevance Relevance, SortValue[]? SortValues, List<Leaf>? Leaves);

    private static int Compare(Candidate a, Candidate b, SortSpec? sort)
    {
        var x = a.Relevance;
        var y = b.Relevance;
        var c = y.Words.CompareTo(x.Words);
        if (c == 0) c = x.Typos.CompareTo(y.Typos);
        if (c == 0) c = x.Proximity.CompareTo(y.Proximity);
        if (c == 0) c = x.Attribute.CompareTo(y.Attribute);
        if (c == 0 && sort is not null) c = sort.Compare(a.SortValues!, b.SortValues!);
        if (c == 0) c = y.Exactness.CompareTo(x.Exactness);
        if (c == 0) c = a.DocId.CompareTo(b.DocId);
        return c;
    }

    private static List<Candidate> Distinct(List<Candidate> ranked, string attribute)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<Candidate>(ranked.Count);
        foreach (var candidate in ranked)
        {
            var values = candidate.Leaves!
                .Where(l => l.Path == attribute && l.Kind is LeafKind.String or LeafKind.Number or LeafKind.Bool)
                .Select(l => l.Kind == LeafKind.Number ? "n:" + l.Text : "s:" + l.Text.ToLowerInvariant())
                .ToList();
            if (values.Count > 0 && values.Any(seen.Contains))
            {
                continue;
            }

            seen.UnionWith(values);
            kept.Add(candidate);
        }

        return kept;
    }

    private static string? ResolveDistinct(SearchRequest request, string indexUid, IndexSettings settings)
    {
        if (request.Distinct is null)
        {
            return settings.DistinctAttribute;
        }

        if (request.Distinct == SearchEngineErrors.TenantAttribute)
        {
            throw SearchEngineErrors.ReservedAttribute("distinct");
        }

        if (!AttributePatterns.AnyCovers(settings.FilterableAttributes, request.Distinct))
        {
            var (visible, hidden) = DisplayedNames.Split(settings.FilterableAttributes, settings);
            throw SearchEngineErrors.DistinctNotFilterable(indexUid, request.Distinct, visible, hidden);
        }

        return request.Distinct;
    }

    /// <summary>
    /// The tenant's documents that can match: the query's candidate terms AND the filter, scoped to the tenant. Search
    /// and facet search both start here, so neither can read outside the tenant. Also returns the term removal order
    /// the matcher needs.
    /// </summary>
    private static (List<int> Ids, int[] RemovalOrder) TenantCandidates(
        IndexSearcher searcher, LuceneIndex index, string tenant, ParsedQuery query, MatchingStrategy strategy, Query? filter)
    {
        var removalOrder = RemovalOrder(query, strategy, searcher.IndexReader);
        Query candidates = CandidateQuery.Build(query, removalOrder, strategy);
        if (filter is not null)
        {
            candidates = new BooleanQuery { { candidates, Occur.MUST }, { filter, Occur.MUST } };
        }

        return (Collect(searcher, index.Scoped(tenant, candidates)), removalOrder);
    }

    /// <summary>Order in which terms are given up: last word first, or most frequent first for <c>frequency</c>.</summary>
    private static int[] RemovalOrder(ParsedQuery query, MatchingStrategy strategy, IndexReader reader)
    {
        var n = query.Terms.Count;
        var order = Enumerable.Range(0, n).Reverse().ToArray();
        if (strategy == MatchingStrategy.Frequency)
        {
            order = order
                .OrderByDescending(i => query.Terms[i].Words.Min(w => reader.DocFreq(new Term(FieldNames.AllText, w))))
                .ThenByDescending(i => i)
                .ToArray();
        }

        return order;
    }

    private static void ValidateRequest(SearchRequest request)
    {
        if (request.Limit < 0) throw SearchEngineErrors.InvalidParameter("invalid_search_limit", "limit", "expected a non-negative integer.");
        if (request.Offset < 0) throw SearchEngineErrors.InvalidParameter("invalid_search_offset", "offset", "expected a non-negative integer.");
        if (request.Page < 0) throw SearchEngineErrors.InvalidParameter("invalid_search_page", "page", "expected a non-negative integer.");
        if (request.HitsPerPage < 0) throw SearchEngineErrors.InvalidParameter("invalid_search_hits_per_page", "hitsPerPage", "expected a non-negative integer.");
        if (request.CropLength < 0) throw SearchEngineErrors.InvalidParameter("invalid_search_crop_length", "cropLength", "expected a non-negative integer.");
        if (request.RankingScoreThreshold is < 0 or > 1)
        {
            throw SearchEngineErrors.InvalidParameter("invalid_search_ranking_score_threshold", "rankingScoreThreshold", "the value of `rankingScoreThreshold` is invalid, expected a float between `0.0` and `1.0`.");
        }
    }

    // ---- plumbing ------------------------------------------------------------------------------------------

    private sealed class DocIdCollector : ICollector
    {
        private int _docBase;

        public List<int> Ids { get; } = [];

        public bool AcceptsDocsOutOfOrder => false;

        public void SetScorer(Scorer scorer)
        {
        }

        public void Collect(int doc) => Ids.Add(_docBase + doc);

        public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;
    }

    /// <summary>Matching doc ids in index (insertion) order.</summary>
    private static List<int> Collect(IndexSearcher searcher, Query scopedQuery)
    {
        var collector = new DocIdCollector();
        searcher.Search(scopedQuery, collector);
        return collector.Ids;
    }

    private static JsonObject? Load(LuceneIndex index, string tenant, string id) => index.Read(searcher =>
    {
        var top = searcher.Search(index.Scoped(tenant, new TermQuery(new Term(FieldNames.Key, FieldNames.DocumentKey(tenant, id)))), 1);
        return top.TotalHits == 0 ? null : new SourceReader(searcher).Load(top.ScoreDocs[0].Doc);
    });

    private static void CheckFields(IReadOnlyList<string>? fields)
    {
        if (fields is not null && fields.Any(f => f == SearchEngineErrors.TenantAttribute || f.StartsWith(SearchEngineErrors.TenantAttribute + ".", StringComparison.Ordinal)))
        {
            throw SearchEngineErrors.ReservedAttribute("fields");
        }
    }

    private string Tenant(TenantScope scope)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (scope.IsEmpty)
        {
            throw new ArgumentException("A tenant scope is required.", nameof(scope));
        }

        return scope.TenantUid;
    }

    private static void ValidateUid(string uid)
    {
        ArgumentNullException.ThrowIfNull(uid);
        if (uid.Length == 0 || uid.Length > 400 || !uid.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw SearchEngineErrors.InvalidIndexUid(uid);
        }
    }

    private string Folder(string uid) => Path.Combine(_indexesRoot, uid);

    private LuceneIndex? TryGet(string uid)
    {
        if (_indexes.TryGetValue(uid, out var index))
        {
            return index;
        }

        lock (_lifecycle)
        {
            if (_indexes.TryGetValue(uid, out index))
            {
                return index;
            }

            if (!LuceneIndex.ExistsOnDisk(Folder(uid)))
            {
                return null;
            }

            index = LuceneIndex.Open(uid, Folder(uid));
            _indexes[uid] = index;
            return index;
        }
    }

    private LuceneIndex Require(string uid)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ValidateUid(uid);
        return TryGet(uid) ?? throw SearchEngineErrors.IndexNotFound(uid);
    }

    private LuceneIndex GetOrCreate(string uid)
    {
        lock (_lifecycle)
        {
            var index = TryGet(uid);
            if (index is null)
            {
                index = LuceneIndex.Create(uid, Folder(uid), new IndexSettings());
                _indexes[uid] = index;
            }

            return index;
        }
    }

    public void Dispose()
    {
        lock (_lifecycle)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var index in _indexes.Values)
            {
                lock (index.WriteLock)
                {
                    index.Dispose();
                }
            }

            _indexes.Clear();
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
