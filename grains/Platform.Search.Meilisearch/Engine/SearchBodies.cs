using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Search.Engine;
using Platform.Search.Filters;

namespace Platform.Search.Meilisearch.Engine;

using Platform.Search.Errors;
using IndexSettings = Platform.Search.Engine.IndexSettings;

/// <summary>
/// Engine requests to Meilisearch bodies and Meilisearch answers back to engine results, with the platform
/// attributes (<c>_tenant</c>, <c>_pid</c>) refused on the way in and removed on the way out.
/// </summary>
internal static class SearchBodies
{
    private static readonly string[] PlatformAttributes = [PhysicalLayout.TenantAttribute, PhysicalLayout.PidAttribute];

    /// <summary>Meilisearch's code for a bad filter on the search and facet-search routes.</summary>
    public const string SearchFilterError = ErrorCodes.InvalidSearchFilter;

    /// <summary>Meilisearch's code for a bad filter on the document routes (fetch, delete by filter).</summary>
    public const string DocumentFilterError = ErrorCodes.InvalidDocumentFilter;

    // ---- reserved attributes -------------------------------------------------------------------------------

    /// <summary>
    /// Refuses a filter reading <c>_tenant</c> or <c>_pid</c> (or a field nested under them), or naming a reserved
    /// geo field as a plain attribute; <paramref name="code"/> is the route's filter error code.
    /// </summary>
    public static void CheckFilter(FilterExpression? filter, string code)
    {
        if (FilterAttributes.References(filter, PhysicalLayout.TenantAttribute))
        {
            throw SearchEngineErrors.ReservedAttribute("a filter");
        }

        if (FilterAttributes.References(filter, PhysicalLayout.PidAttribute))
        {
            throw EngineErrors.ReservedPid("a filter");
        }

        // FilterPrinter quotes these names and Meilisearch reads a quoted one as an ordinary attribute, so it would
        // answer "not filterable" rather than refuse the keyword as the embedded engine (and bare `_geo`) does.
        if (FilterAttributes.Named(filter).FirstOrDefault(FilterSyntax.ReservedGeoWords.Contains) is { } geo)
        {
            throw SearchEngineErrors.ReservedGeoField(geo, code);
        }
    }

    /// <summary>Refuses attribute names (or <c>name:…</c> entries) that are or sit under a platform attribute.</summary>
    public static void CheckNames(IEnumerable<string>? names, string context)
    {
        if (names is null)
        {
            return;
        }

        foreach (var entry in names)
        {
            var colon = entry.IndexOf(':', StringComparison.Ordinal);
            var name = colon < 0 ? entry : entry[..colon];
            if (PhysicalLayout.IsUnder(name, PhysicalLayout.TenantAttribute))
            {
                throw SearchEngineErrors.ReservedAttribute(context);
            }

            if (PhysicalLayout.IsUnder(name, PhysicalLayout.PidAttribute))
            {
                throw EngineErrors.ReservedPid(context);
            }
        }
    }

    public static void CheckDocument(JsonObject document)
    {
        if (document.ContainsKey(PhysicalLayout.TenantAttribute))
        {
            throw SearchEngineErrors.ReservedAttribute("documents");
        }

        if (document.ContainsKey(PhysicalLayout.PidAttribute))
        {
            throw EngineErrors.ReservedPid("documents");
        }
    }

    public static void CheckSettings(IndexSettings settings)
    {
        var names = settings.FilterableAttributes.Concat(settings.SortableAttributes).Concat(settings.SearchableAttributes)
            .Concat(settings.DisplayedAttributes);
        CheckNames(names, "settings");
        CheckNames(settings.DistinctAttribute is { } d ? [d] : null, "settings");
        CheckNames(settings.PrimaryKey is { } p ? [p] : null, "settings");
    }

    public static void CheckSearch(SearchRequest request)
    {
        CheckFilter(request.Filter, SearchFilterError);
        CheckNames(request.Sort, "a sort");
        CheckNames(request.Facets, "facets");
        CheckNames(request.AttributesToRetrieve, "attributesToRetrieve");
        CheckNames(request.AttributesToHighlight, "attributesToHighlight");
        CheckNames(request.AttributesToCrop, "attributesToCrop");
        CheckNames(request.AttributesToSearchOn, "attributesToSearchOn");
        CheckNames(request.Distinct is { } d ? [d] : null, "distinct");
    }

    // ---- filters -------------------------------------------------------------------------------------------

    /// <summary>
    /// <c>[...userFilter, isolation]</c> (docs/rules-and-filters.md#how-isolation-is-fused): the user's filter in Meilisearch's form, spread when it is an
    /// array, followed by the isolation condition, so no <c>OR</c> in the user's part can widen it.
    /// </summary>
    public static JsonNode Isolated(FilterExpression? filter, string tenantUid)
    {
        var isolation = PhysicalLayout.IsolationFilter(tenantUid);
        var user = FilterJson.ToMeilisearch(filter);
        var fused = new JsonArray();
        switch (user)
        {
            case null:
                return JsonValue.Create(isolation);
            case JsonArray all:
                foreach (var operand in all)
                {
                    fused.Add(operand?.DeepClone());
                }

                break;
            default:
                fused.Add(user);
                break;
        }

        fused.Add(isolation);
        return fused;
    }

    // ---- facet search --------------------------------------------------------------------------------------

    /// <summary>
    /// The <c>POST /indexes/{uid}/facet-search</c> body, its filter isolated like a search's; the platform attributes
    /// cannot be facets.
    /// </summary>
    public static JsonObject ToFacetBody(FacetSearchRequest request, string tenantUid)
    {
        CheckNames([request.FacetName], "facetName");
        CheckNames(request.AttributesToSearchOn, "attributesToSearchOn");
        CheckFilter(request.Filter, SearchFilterError);
        var body = new JsonObject { ["facetName"] = request.FacetName };
        if (request.FacetQuery is not null) body["facetQuery"] = request.FacetQuery;
        if (request.Q is not null) body["q"] = request.Q;
        body["filter"] = Isolated(request.Filter, tenantUid);
        if (request.MatchingStrategy != MatchingStrategy.Last) body["matchingStrategy"] = SearchParameterValues.Name(request.MatchingStrategy);
        AddList(body, "attributesToSearchOn", request.AttributesToSearchOn);
        if (request.RankingScoreThreshold is { } threshold) body["rankingScoreThreshold"] = threshold;
        if (request.ExhaustiveFacetCount is { } exhaustive) body["exhaustiveFacetCount"] = exhaustive;
        return body;
    }

    public static FacetSearchResponse FromFacetBody(JsonObject body) => new()
    {
        FacetHits = body["facetHits"] is JsonArray hits
            ? [.. hits.OfType<JsonObject>().Select(h => new FacetHit(h["value"]?.ToString() ?? "", h["count"]?.GetValue<int>() ?? 0))]
            : [],
        FacetQuery = Str(body, "facetQuery"),
        ProcessingTimeMs = Int(body, "processingTimeMs") ?? 0,
    };

    /// <summary>The answer to a facet search on a dedicated index the tenant has not written to yet.</summary>
    public static FacetSearchResponse EmptyFacetSearch(FacetSearchRequest request) => new()
    {
        FacetHits = [],
        FacetQuery = request.FacetQuery,
    };

    // ---- search --------------------------------------------------------------------------------------------

    /// <summary>
    /// The <c>POST /indexes/{uid}/search</c> body. Defaults are left out, as a client would. The filter always ends
    /// with the isolation condition, so the body isolates the tenant even before Meilisearch adds the backend
    /// token's filter: a token minted for the wrong tenant would find nothing rather than another tenant's documents.
    /// </summary>
    public static JsonObject ToBody(SearchRequest request, string tenantUid)
    {
        var body = new JsonObject();
        if (request.Q is not null)
        {
            body["q"] = request.Q;
        }

        body["filter"] = Isolated(request.Filter, tenantUid);

        AddList(body, "sort", request.Sort);
        AddPagination(body, request);
        AddList(body, "facets", request.Facets);
        AddList(body, "attributesToRetrieve", request.AttributesToRetrieve);
        AddFormatting(body, request);
        if (request.MatchingStrategy != MatchingStrategy.Last)
        {
            body["matchingStrategy"] = SearchParameterValues.Name(request.MatchingStrategy);
        }

        if (request.ShowRankingScore)
        {
            body["showRankingScore"] = true;
        }

        if (request.RankingScoreThreshold is { } threshold)
        {
            body["rankingScoreThreshold"] = threshold;
        }

        if (request.Distinct is { } distinct)
        {
            body["distinct"] = distinct;
        }

        AddList(body, "attributesToSearchOn", request.AttributesToSearchOn);
        return body;
    }

    private static void AddPagination(JsonObject body, SearchRequest request)
    {
        if (request.IsPageMode)
        {
            if (request.Page is { } page)
            {
                body["page"] = page;
            }

            if (request.HitsPerPage is { } hitsPerPage)
            {
                body["hitsPerPage"] = hitsPerPage;
            }
        }
        else
        {
            body["limit"] = request.Limit;
            body["offset"] = request.Offset;
        }
    }

    /// <summary>Highlighting, cropping and match positions, each left out at its default.</summary>
    private static void AddFormatting(JsonObject body, SearchRequest request)
    {
        AddList(body, "attributesToHighlight", request.AttributesToHighlight);
        if (request.HighlightPreTag != "<em>")
        {
            body["highlightPreTag"] = request.HighlightPreTag;
        }

        if (request.HighlightPostTag != "</em>")
        {
            body["highlightPostTag"] = request.HighlightPostTag;
        }

        AddList(body, "attributesToCrop", request.AttributesToCrop);
        if (request.CropLength != 10)
        {
            body["cropLength"] = request.CropLength;
        }

        if (request.CropMarker != "…")
        {
            body["cropMarker"] = request.CropMarker;
        }

        if (request.ShowMatchesPosition)
        {
            body["showMatchesPosition"] = true;
        }
    }

    private static void AddList(JsonObject body, string name, IReadOnlyList<string>? values)
    {
        if (values is not null)
        {
            body[name] = new JsonArray([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);
        }
    }

    /// <summary>Meilisearch's search answer as a <see cref="SearchResponse"/>, without platform attributes anywhere.</summary>
    public static SearchResponse FromBody(JsonObject body, SearchRequest request)
    {
        var hits = body["hits"] is JsonArray array
            ? array.OfType<JsonObject>().Select(h => StripHit((JsonObject)h.DeepClone())).ToList()
            : [];
        return new SearchResponse
        {
            Hits = hits,
            Query = Str(body, "query") ?? request.Q ?? "",
            ProcessingTimeMs = Int(body, "processingTimeMs") ?? 0,
            Limit = Int(body, "limit"),
            Offset = Int(body, "offset"),
            EstimatedTotalHits = Int(body, "estimatedTotalHits"),
            HitsPerPage = Int(body, "hitsPerPage"),
            Page = Int(body, "page"),
            TotalPages = Int(body, "totalPages"),
            TotalHits = Int(body, "totalHits"),
            FacetDistribution = Distribution(body["facetDistribution"] as JsonObject, request),
            FacetStats = Stats(body["facetStats"] as JsonObject, request),
        };
    }

    /// <summary>The answer to a search on a dedicated index the tenant has not written to yet: nothing, in the right shape.</summary>
    public static SearchResponse Empty(SearchRequest request)
    {
        var pagination = Pagination.Of(request);
        return new()
        {
            Hits = [],
            Query = request.Q ?? "",
            Limit = pagination.IsPageMode ? null : pagination.Limit,
            Offset = pagination.IsPageMode ? null : pagination.Offset,
            EstimatedTotalHits = pagination.IsPageMode ? null : 0,
            HitsPerPage = pagination.IsPageMode ? pagination.HitsPerPage : null,
            Page = pagination.IsPageMode ? pagination.Page : null,
            TotalPages = pagination.IsPageMode ? 0 : null,
            TotalHits = pagination.IsPageMode ? 0 : null,
            FacetDistribution = request.Facets is { Count: > 0 } ? new Dictionary<string, IReadOnlyDictionary<string, int>>() : null,
            FacetStats = request.Facets is { Count: > 0 } ? new Dictionary<string, FacetStats>() : null,
        };
    }

    /// <summary>Removes the platform attributes from a document.</summary>
    public static JsonObject StripDocument(JsonObject document)
    {
        foreach (var name in PlatformAttributes)
        {
            document.Remove(name);
        }

        return document;
    }

    private static JsonObject StripHit(JsonObject hit)
    {
        StripDocument(hit);
        if (hit["_formatted"] is JsonObject formatted)
        {
            StripDocument(formatted);
        }

        if (hit["_matchesPosition"] is JsonObject positions)
        {
            foreach (var key in positions.Select(p => p.Key).Where(PhysicalLayout.IsPlatformAttribute).ToList())
            {
                positions.Remove(key);
            }
        }

        return hit;
    }

    private static Dictionary<string, IReadOnlyDictionary<string, int>>? Distribution(JsonObject? node, SearchRequest request)
    {
        if (node is null)
        {
            return request.Facets is { Count: > 0 } ? [] : null;
        }

        var result = new Dictionary<string, IReadOnlyDictionary<string, int>>(StringComparer.Ordinal);
        foreach (var (facet, values) in node)
        {
            if (PhysicalLayout.IsPlatformAttribute(facet) || values is not JsonObject counts)
            {
                continue;
            }

            result[facet] = counts.Where(c => c.Value is JsonValue).ToDictionary(c => c.Key, c => c.Value!.GetValue<int>(), StringComparer.Ordinal);
        }

        return result;
    }

    private static Dictionary<string, FacetStats>? Stats(JsonObject? node, SearchRequest request)
    {
        if (node is null)
        {
            return request.Facets is { Count: > 0 } ? [] : null;
        }

        var result = new Dictionary<string, FacetStats>(StringComparer.Ordinal);
        foreach (var (facet, stats) in node)
        {
            if (PhysicalLayout.IsPlatformAttribute(facet) || stats is not JsonObject minMax
                || minMax["min"] is not JsonValue min || minMax["max"] is not JsonValue max)
            {
                continue;
            }

            result[facet] = new FacetStats(min.GetValue<double>(), max.GetValue<double>());
        }

        return result;
    }

    private static string? Str(JsonObject body, string name) =>
        body[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static int? Int(JsonObject body, string name) =>
        body[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? (int)Math.Min(v.GetValue<long>(), int.MaxValue) : null;
}
