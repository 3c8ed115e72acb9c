using Platform.Search.Errors;

namespace Platform.Search.Engine;

/// <summary>
/// Meilisearch's rules for the <c>matchingStrategy</c> and <c>rankingScoreThreshold</c> search parameters, and the
/// texts of its refusals: one place for the request readers (body, query string, facet search) and the engines.
/// </summary>
public static class SearchParameterValues
{
    /// <summary>The <c>matchingStrategy</c> values, as Meilisearch lists them in its error.</summary>
    public const string MatchingStrategyNames = "`last`, `all`, `frequency`";

    /// <summary>Meilisearch's refusal of a <c>rankingScoreThreshold</c> out of range (or, in a query string, not a number).</summary>
    public const string RankingScoreThresholdRange =
        "the value of `rankingScoreThreshold` is invalid, expected a float between `0.0` and `1.0`.";

    /// <summary>Reads a <c>matchingStrategy</c> value; false for anything but <c>last</c>, <c>all</c>, <c>frequency</c>.</summary>
    public static bool TryParseMatchingStrategy(string? text, out MatchingStrategy strategy)
    {
        (var known, strategy) = text switch
        {
            "last" => (true, MatchingStrategy.Last),
            "all" => (true, MatchingStrategy.All),
            "frequency" => (true, MatchingStrategy.Frequency),
            _ => (false, MatchingStrategy.Last),
        };
        return known;
    }

    /// <summary>The wire name of <paramref name="strategy"/>.</summary>
    public static string Name(MatchingStrategy strategy) => strategy switch
    {
        MatchingStrategy.All => "all",
        MatchingStrategy.Frequency => "frequency",
        _ => "last",
    };

    /// <summary>True for a threshold Meilisearch accepts: 0 to 1, both included.</summary>
    public static bool IsValidRankingScoreThreshold(double threshold) => threshold is >= 0 and <= 1;

    /// <summary>The engines' own check, for requests that did not come through a request reader.</summary>
    public static void CheckRankingScoreThreshold(double? threshold)
    {
        if (threshold is < 0 or > 1)
        {
            throw SearchEngineErrors.InvalidParameter(ErrorCodes.InvalidSearchRankingScoreThreshold, "rankingScoreThreshold", RankingScoreThresholdRange);
        }
    }
}
