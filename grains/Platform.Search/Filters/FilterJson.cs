using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Search.Serde;

namespace Platform.Search.Filters;

/// <summary>
/// The JSON shapes of Meilisearch's <c>filter</c> parameter (docs/rules-and-filters.md#filter-language): a string, an array whose elements are
/// ANDed (each a string, or an array of strings that are ORed), or null. Empty strings and empty arrays add nothing;
/// when nothing is left there is no filter.
/// </summary>
public static class FilterJson
{
    /// <summary>Reads a filter given as JSON; an absent (<c>Undefined</c>) or null element means no filter.</summary>
    /// <exception cref="FilterParseException">A wrong JSON type, a syntax error in one of the strings, or too many
    /// conditions. Every string is parsed on its own, so its error columns are relative to that string.</exception>
    public static FilterExpression? Parse(JsonElement filter)
    {
        // Types are checked over the whole array before any string is parsed, so a type error wins, as in Meilisearch.
        List<List<string>> groups = filter.ValueKind switch
        {
            JsonValueKind.Undefined or JsonValueKind.Null => [],
            JsonValueKind.String => [[filter.GetString()!]],
            JsonValueKind.Array => ReadGroups(filter),
            _ => throw TypeError("String, Array", filter),
        };

        var conjuncts = new List<FilterExpression?>();
        foreach (var group in groups)
        {
            var disjuncts = new List<FilterExpression>();
            foreach (var text in group)
            {
                if (FilterParser.Parse(text) is { } parsed)
                {
                    disjuncts.AddRange(parsed is OrFilter any ? any.Operands : [parsed]);
                }
            }

            conjuncts.Add(disjuncts.Count switch
            {
                0 => null,
                1 => disjuncts[0],
                _ => new OrFilter(disjuncts),
            });
        }

        var result = FilterCombinator.And([.. conjuncts]);
        FilterLimits.EnsureWithinLimits(result);
        return result;
    }

    /// <summary>Reads a filter given as a <see cref="JsonNode"/>; null means no filter.</summary>
    public static FilterExpression? Parse(JsonNode? filter)
    {
        if (filter is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(filter.ToJsonString());
        return Parse(document.RootElement);
    }

    /// <summary>
    /// The filter in Meilisearch's request form, for forwarding: null for no filter, an array of strings (one per
    /// operand) for a top-level And, otherwise one string. Each element is a canonical <see cref="FilterPrinter"/>
    /// string, and reading the result back with <see cref="Parse(JsonNode)"/> gives an equal tree.
    /// </summary>
    public static JsonNode? ToMeilisearch(FilterExpression? filter) => filter switch
    {
        null => null,
        AndFilter all => new JsonArray([.. all.Operands.Select(o => (JsonNode)JsonValue.Create(FilterPrinter.Print(o)))]),
        _ => JsonValue.Create(FilterPrinter.Print(filter)),
    };

    private static List<List<string>> ReadGroups(JsonElement array)
    {
        var groups = new List<List<string>>();
        foreach (var element in array.EnumerateArray())
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    groups.Add([element.GetString()!]);
                    break;
                case JsonValueKind.Array:
                    var group = new List<string>();
                    foreach (var inner in element.EnumerateArray())
                    {
                        group.Add(inner.ValueKind == JsonValueKind.String ? inner.GetString()! : throw TypeError("String", inner));
                    }

                    groups.Add(group);
                    break;
                default:
                    throw TypeError("String, [String]", element);
            }
        }

        return groups;
    }

    private static FilterParseException TypeError(string expected, JsonElement found)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, ReadableJson.WriterOptions))
        {
            found.WriteTo(writer);
        }

        var json = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        return new FilterParseException(FilterErrors.InvalidJsonType(expected, json));
    }
}
