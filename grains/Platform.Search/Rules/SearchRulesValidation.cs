using Platform.Search.Errors;
using Platform.Search.Filters;

namespace Platform.Search.Rules;

/// <summary>
/// Checks rules the platform is asked to store or sign (tenant rules, minted tokens) more strictly than Meilisearch
/// checks a token: every filter must parse, and none may name the isolation attribute. Meilisearch would only
/// fail such rules at search time; refusing them when they are set is kinder and closes a door.
/// </summary>
public static class SearchRulesValidation
{
    /// <summary>Returns null when the rules are valid, otherwise the error code and message.</summary>
    public static (string Code, string Message)? Validate(SearchRules rules, string isolationAttribute)
    {
        ArgumentNullException.ThrowIfNull(rules);
        foreach (var (pattern, rule) in rules.Rules.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            if (rule.Filter is not { } filterJson) continue;
            FilterExpression? filter;
            try
            {
                filter = FilterJson.Parse(filterJson);
            }
            catch (FilterParseException e)
            {
                return (ErrorCodes.InvalidSearchRules, $"Invalid filter in the rule for `{pattern}`: {e.Message}");
            }

            if (FilterAttributes.References(filter, isolationAttribute))
            {
                return (ErrorCodes.ReservedAttribute,
                    $"The rule for `{pattern}` filters on `{isolationAttribute}`, which is reserved: the platform sets it.");
            }
        }

        return null;
    }
}
