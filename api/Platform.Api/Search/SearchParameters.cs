using Platform.Search.Errors;

namespace Platform.Api.Search;

/// <summary>
/// Search parameter names in the order Meilisearch declares them, which is the order its
/// <c>Unknown field</c>/<c>Unknown parameter</c> messages list them in, and the error codes of those the platform
/// recognises but does not implement (AI, network and diagnostics features).
/// </summary>
internal static class SearchParameters
{
    /// <summary>Fields of a <c>POST /indexes/{uid}/search</c> body.</summary>
    public static readonly string[] Body =
    [
        "q", "offset", "limit", "page", "hitsPerPage", "attributesToRetrieve", "attributesToCrop", "cropLength",
        "cropMarker", "attributesToHighlight", "highlightPreTag", "highlightPostTag", "showMatchesPosition", "filter",
        "sort", "distinct", "facets", "matchingStrategy", "attributesToSearchOn", "rankingScoreThreshold", "locales",
        "hybrid", "vector", "retrieveVectors", "media", "personalize", "useNetwork", "showRankingScore",
        "showRankingScoreDetails", "showPerformanceDetails",
    ];

    /// <summary>Fields of one query of <c>POST /multi-search</c>: <c>indexUid</c>, the body fields, <c>federationOptions</c>.</summary>
    public static readonly string[] MultiSearchQuery = ["indexUid", .. Body, "federationOptions"];

    /// <summary>Parameters of <c>GET /indexes/{uid}/search</c>.</summary>
    public static readonly string[] QueryString =
    [
        "q", "vector", "offset", "limit", "page", "hitsPerPage", "attributesToRetrieve", "retrieveVectors",
        "attributesToCrop", "cropLength", "attributesToHighlight", "filter", "sort", "distinct", "showMatchesPosition",
        "showRankingScore", "showRankingScoreDetails", "showPerformanceDetails", "facets", "highlightPreTag",
        "highlightPostTag", "cropMarker", "matchingStrategy", "attributesToSearchOn", "hybridEmbedder",
        "hybridSemanticRatio", "rankingScoreThreshold", "locales", "personalizeUserContext", "useNetwork",
    ];

    /// <summary>Known but unimplemented parameters and the code Meilisearch uses for each.</summary>
    public static readonly IReadOnlyDictionary<string, string> Unsupported = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["locales"] = ErrorCodes.InvalidSearchLocales,
        ["hybrid"] = ErrorCodes.InvalidSearchHybridQuery,
        ["vector"] = ErrorCodes.InvalidSearchVector,
        ["retrieveVectors"] = ErrorCodes.InvalidSearchRetrieveVectors,
        ["media"] = ErrorCodes.InvalidSearchMedia,
        ["personalize"] = ErrorCodes.InvalidSearchPersonalize,
        ["useNetwork"] = ErrorCodes.InvalidSearchUseNetwork,
        ["showRankingScoreDetails"] = ErrorCodes.InvalidSearchShowRankingScoreDetails,
        ["showPerformanceDetails"] = ErrorCodes.InvalidSearchShowPerformanceDetails,
        ["hybridEmbedder"] = ErrorCodes.InvalidSearchEmbedder,
        ["hybridSemanticRatio"] = ErrorCodes.InvalidSearchSemanticRatio,
        ["personalizeUserContext"] = ErrorCodes.InvalidSearchPersonalizeUserContext,
    };

    /// <summary>The refusal of a body's <c>matchingStrategy</c> value other than Meilisearch's three.</summary>
    public static Errors.ApiError UnknownMatchingStrategy(string? value, string path) =>
        new(ErrorCodes.InvalidSearchMatchingStrategy,
            $"Unknown value `{value}` at `.{path}`: expected one of {Platform.Search.Engine.SearchParameterValues.MatchingStrategyNames}");

    /// <summary>The refusal of a parameter the platform recognises but does not implement.</summary>
    public static Errors.ApiError NotSupported(string parameter) =>
        new(Unsupported[parameter], $"The search parameter `{parameter}` is not supported by this platform.");
}
