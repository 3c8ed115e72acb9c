using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using Platform.Search.Serde;

namespace Platform.Search.Rules;

/// <summary>
/// Meilisearch's search rules (a tenant token's <c>searchRules</c> claim; also a tenant's <c>rules</c>): which
/// indexes may be searched and which extra filter applies on each (docs/rules-and-filters.md#search-rules-in-tenant-tokens). Immutable.
/// </summary>
/// <remarks>
/// Precedence when several map entries match an index: an exact entry wins, then the longest <c>prefix*</c>
/// pattern, and <c>*</c> is the weakest. The chosen entry is used as is; entries are never merged.
/// </remarks>
public sealed class SearchRules : IEquatable<SearchRules>
{
    /// <summary>The serde text Meilisearch reports for a <c>searchRules</c> value of the wrong shape.</summary>
    public const string UntaggedEnumError = "data did not match any variant of untagged enum SearchRules";

    private readonly IndexPattern[] _patterns;
    private readonly Dictionary<string, SearchRule> _rules;
    private readonly Dictionary<string, SearchRule> _exact;
    private readonly (IndexPattern Pattern, SearchRule Rule)[] _prefixesLongestFirst;
    private byte[]? _canonical;

    /// <summary>Parsed rule filters per index. Rules are immutable, so a parse is valid for their whole life.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Filters.FilterExpression?> _parsedFilters =
        new(StringComparer.Ordinal);

    /// <summary>How many indexes' parsed filters are remembered (a <c>*</c> rule authorizes any index uid).</summary>
    private const int ParsedFilterCacheSize = 64;

    internal SearchRules(SearchRulesForm form, Dictionary<string, SearchRule> rules)
    {
        Form = form;
        _rules = rules;
        var keys = new string[rules.Count];
        rules.Keys.CopyTo(keys, 0);
        Array.Sort(keys, RustText.Utf8Order);
        _patterns = new IndexPattern[keys.Length];
        _exact = new Dictionary<string, SearchRule>(StringComparer.Ordinal);
        var prefixes = new List<(IndexPattern Pattern, SearchRule Rule)>();
        for (var i = 0; i < keys.Length; i++)
        {
            var pattern = _patterns[i] = IndexPattern.Parse(keys[i]);
            if (pattern.IsPrefix)
            {
                prefixes.Add((pattern, rules[pattern.Raw]));
            }
            else
            {
                _exact[pattern.Raw] = rules[pattern.Raw];
            }
        }

        // Longest pattern first; equal lengths are different strings, so at most one of them can match an index.
        prefixes.Sort((a, b) => b.Pattern.Raw.Length.CompareTo(a.Pattern.Raw.Length));
        _prefixesLongestFirst = prefixes.ToArray();
    }

    /// <summary><c>["*"]</c>: every index, no filter.</summary>
    public static SearchRules All { get; } = FromPatterns(["*"]);

    /// <summary>Set or map form; kept so that serialization gives back the same form.</summary>
    public SearchRulesForm Form { get; }

    /// <summary>The distinct patterns, in Rust string order.</summary>
    public IReadOnlyList<IndexPattern> Patterns => _patterns;

    /// <summary>Every entry: pattern text → rule. In set form every rule is <see cref="SearchRule.NoFilter"/>.</summary>
    public IReadOnlyDictionary<string, SearchRule> Rules => _rules;

    /// <summary>Set form: these patterns, no filters. Duplicates collapse.</summary>
    public static SearchRules FromPatterns(IEnumerable<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        var rules = new Dictionary<string, SearchRule>(StringComparer.Ordinal);
        foreach (var pattern in patterns)
        {
            ArgumentNullException.ThrowIfNull(pattern, nameof(patterns));
            rules[pattern] = SearchRule.NoFilter;
        }

        return new SearchRules(SearchRulesForm.Set, rules);
    }

    /// <summary>Map form: pattern → rule. A later duplicate pattern replaces an earlier one (as serde's map does).</summary>
    public static SearchRules FromRules(IEnumerable<KeyValuePair<string, SearchRule?>> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var map = new Dictionary<string, SearchRule>(StringComparer.Ordinal);
        foreach (var (pattern, rule) in rules)
        {
            ArgumentNullException.ThrowIfNull(pattern, nameof(rules));
            map[pattern] = rule ?? SearchRule.NoFilter;
        }

        return new SearchRules(SearchRulesForm.Map, map);
    }

    /// <summary>Parses rules JSON with Meilisearch's acceptance rules; throws <see cref="SearchRulesFormatException"/>.</summary>
    public static SearchRules Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return TryParse(Encoding.UTF8.GetBytes(json), out var rules, out var error)
            ? rules
            : throw new SearchRulesFormatException(error);
    }

    /// <summary>Parses rules JSON (UTF-8). On failure <paramref name="error"/> is a serde-style message with a position.</summary>
    public static bool TryParse(
        ReadOnlySpan<byte> utf8Json,
        [NotNullWhen(true)] out SearchRules? rules,
        [NotNullWhen(false)] out string? error) =>
        SearchRulesReader.TryParse(utf8Json, out rules, out error);

    /// <summary>Parses rules held in an already-parsed JSON value (e.g. a request body's <c>rules</c>).</summary>
    public static bool TryParse(
        JsonElement element,
        [NotNullWhen(true)] out SearchRules? rules,
        [NotNullWhen(false)] out string? error) =>
        TryParse(JsonSerializer.SerializeToUtf8Bytes(element), out rules, out error);

    /// <summary>True if any pattern covers <paramref name="indexUid"/> (docs/rules-and-filters.md#search-rules-in-tenant-tokens).</summary>
    public bool Authorizes(string indexUid)
    {
        ArgumentNullException.ThrowIfNull(indexUid);
        if (_exact.ContainsKey(indexUid))
        {
            return true;
        }

        foreach (var (pattern, _) in _prefixesLongestFirst)
        {
            if (pattern.Matches(indexUid))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The rule that applies to <paramref name="indexUid"/>: the exact entry, else the longest matching prefix
    /// pattern, else <c>*</c>. False when no pattern covers the index.
    /// </summary>
    public bool TryGetRule(string indexUid, [NotNullWhen(true)] out IndexPattern? pattern, [NotNullWhen(true)] out SearchRule? rule)
    {
        ArgumentNullException.ThrowIfNull(indexUid);
        if (_exact.TryGetValue(indexUid, out rule))
        {
            pattern = IndexPattern.Parse(indexUid);
            return true;
        }

        foreach (var candidate in _prefixesLongestFirst)
        {
            if (candidate.Pattern.Matches(indexUid))
            {
                pattern = candidate.Pattern;
                rule = candidate.Rule;
                return true;
            }
        }

        pattern = null;
        rule = null;
        return false;
    }

    /// <summary>
    /// The filter to apply on <paramref name="indexUid"/> (null when the chosen rule has none). False when the rules
    /// do not authorize the index at all.
    /// </summary>
    public bool TryGetFilter(string indexUid, out JsonElement? filter)
    {
        if (TryGetRule(indexUid, out _, out var rule))
        {
            filter = rule.Filter;
            return true;
        }

        filter = null;
        return false;
    }

    /// <summary>
    /// <see cref="TryGetFilter"/> with the filter parsed, remembered per index so a hot path (a cached token, a tenant's
    /// rules) parses each rule once. Throws <see cref="Filters.FilterParseException"/> when the rule's filter is invalid.
    /// </summary>
    public bool TryGetParsedFilter(string indexUid, out Filters.FilterExpression? filter)
    {
        filter = null;
        if (!TryGetFilter(indexUid, out var json)) return false;
        if (json is not { } value) return true;
        if (_parsedFilters.TryGetValue(indexUid, out filter)) return true;

        filter = Filters.FilterJson.Parse(value);
        if (_parsedFilters.Count < ParsedFilterCacheSize) _parsedFilters.TryAdd(indexUid, filter);
        return true;
    }

    /// <summary>The patterns as Meilisearch lists them in messages: <c>["prod*", "sal*"]</c>.</summary>
    public string FormatPatternList() => RustText.DebugList(_patterns.Select(p => p.Raw).ToList());

    /// <summary>
    /// A canonical, compact JSON form: the same rules always give the same bytes. Set form: sorted distinct array.
    /// Map form: keys sorted; a rule without a filter is <c>null</c>, otherwise <c>{"filter": …}</c> with the
    /// filter's object keys (if any) sorted too. Unknown rule fields are not kept.
    /// </summary>
    public ReadOnlySpan<byte> CanonicalJsonUtf8 => _canonical ??= BuildCanonical();

    /// <summary>The canonical JSON as a string (see <see cref="CanonicalJsonUtf8"/>).</summary>
    public string ToCanonicalJson() => Encoding.UTF8.GetString(CanonicalJsonUtf8);

    /// <summary>Writes the canonical JSON to <paramref name="writer"/>.</summary>
    public void WriteCanonicalJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (Form == SearchRulesForm.Set)
        {
            writer.WriteStartArray();
            foreach (var pattern in _patterns)
            {
                writer.WriteStringValue(pattern.Raw);
            }

            writer.WriteEndArray();
            return;
        }

        writer.WriteStartObject();
        foreach (var pattern in _patterns)
        {
            writer.WritePropertyName(pattern.Raw);
            var rule = _rules[pattern.Raw];
            if (rule.Filter is { } filter)
            {
                writer.WriteStartObject();
                writer.WritePropertyName("filter"u8);
                WriteCanonical(writer, filter);
                writer.WriteEndObject();
            }
            else
            {
                writer.WriteNullValue();
            }
        }

        writer.WriteEndObject();
    }

    /// <inheritdoc />
    public bool Equals(SearchRules? other) =>
        other is not null && (ReferenceEquals(this, other) || CanonicalJsonUtf8.SequenceEqual(other.CanonicalJsonUtf8));

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SearchRules other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.AddBytes(CanonicalJsonUtf8);
        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => ToCanonicalJson();

    private byte[] BuildCanonical()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, ReadableJson.WriterOptions))
        {
            WriteCanonicalJson(writer);
        }

        return buffer.ToArray();
    }

    private static void WriteCanonical(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                var properties = element.EnumerateObject().ToList();
                properties.Sort((a, b) => RustText.Utf8Order.Compare(a.Name, b.Name));
                foreach (var property in properties)
                {
                    writer.WritePropertyName(property.Name);
                    WriteCanonical(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    WriteCanonical(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(element.GetString());
                break;
            default:
                element.WriteTo(writer); // numbers keep their text; true/false/null
                break;
        }
    }
}
