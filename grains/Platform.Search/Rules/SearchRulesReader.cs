using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Platform.Search.Serde;

namespace Platform.Search.Rules;

/// <summary>
/// Reads search rules JSON with Meilisearch's acceptance rules (serde's untagged <c>SearchRules</c> enum: a set of
/// patterns, or a map of pattern to <c>{"filter": …}</c> or null), with serde's error texts.
/// </summary>
internal static class SearchRulesReader
{
    /// <summary>Parses rules JSON (UTF-8). On failure <paramref name="error"/> is a serde-style message with a position.</summary>
    public static bool TryParse(
        ReadOnlySpan<byte> utf8Json,
        [NotNullWhen(true)] out SearchRules? rules,
        [NotNullWhen(false)] out string? error)
    {
        rules = null;
        error = SerdeJson.CheckUtf8(utf8Json);
        if (error is not null)
        {
            return false;
        }

        var reader = new Utf8JsonReader(utf8Json, SerdeJson.ReaderOptions);
        try
        {
            if (!reader.Read())
            {
                error = SerdeJson.EndOfInput(utf8Json);
                return false;
            }

            var probe = reader;
            probe.Skip(); // a syntax error anywhere in the value is reported before the shape, as serde buffers first
            var end = probe.BytesConsumed;
            if (!TryRead(ref reader, out rules))
            {
                error = SearchRules.UntaggedEnumError + SerdeJson.At(utf8Json, end);
                return false;
            }

            if (reader.Read())
            {
                // serde_json: only whitespace may follow the value.
                error = "trailing characters" + SerdeJson.At(utf8Json, reader.TokenStartIndex);
                rules = null;
                return false;
            }
        }
        catch (JsonException exception)
        {
            error = SerdeJson.SyntaxError(exception, utf8Json);
            rules = null;
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>
    /// Reads the value the reader stands on as search rules. Consumes the whole value either way (the caller has
    /// made sure it is well-formed JSON). Returns false when the shape is not one Meilisearch accepts.
    /// </summary>
    public static bool TryRead(ref Utf8JsonReader reader, [NotNullWhen(true)] out SearchRules? rules)
    {
        rules = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartArray:
            {
                var set = new Dictionary<string, SearchRule>(StringComparer.Ordinal);
                var valid = true;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType == JsonTokenType.String)
                    {
                        set[reader.GetString()!] = SearchRule.NoFilter;
                    }
                    else
                    {
                        valid = false;
                        reader.Skip();
                    }
                }

                rules = valid ? new SearchRules(SearchRulesForm.Set, set) : null;
                return valid;
            }

            case JsonTokenType.StartObject:
            {
                var map = new Dictionary<string, SearchRule>(StringComparer.Ordinal);
                var valid = true;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var pattern = reader.GetString()!;
                    reader.Read();
                    switch (reader.TokenType)
                    {
                        case JsonTokenType.Null:
                            map[pattern] = SearchRule.NoFilter;
                            break;
                        case JsonTokenType.StartObject:
                            if (TryReadRule(ref reader, out var rule))
                            {
                                map[pattern] = rule;
                            }
                            else
                            {
                                valid = false;
                            }

                            break;
                        default:
                            valid = false;
                            reader.Skip();
                            break;
                    }
                }

                rules = valid ? new SearchRules(SearchRulesForm.Map, map) : null;
                return valid;
            }

            default:
                reader.Skip();
                return false;
        }
    }

    private static bool TryReadRule(ref Utf8JsonReader reader, out SearchRule rule)
    {
        rule = SearchRule.NoFilter;
        var sawFilter = false;
        var valid = true;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isFilter = reader.ValueTextEquals("filter"u8);
            reader.Read();
            if (!isFilter)
            {
                reader.Skip(); // unknown fields are ignored, as Meilisearch does
                continue;
            }

            if (sawFilter)
            {
                valid = false; // serde: duplicate field `filter`
                reader.Skip();
                continue;
            }

            sawFilter = true;
            if (reader.TokenType == JsonTokenType.Null)
            {
                rule = SearchRule.NoFilter;
            }
            else
            {
                rule = SearchRule.FromOwnedElement(JsonElement.ParseValue(ref reader));
            }
        }

        return valid;
    }
}
