using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Search.Embedded.Analysis;
using Platform.Search.Embedded.Json;
using Platform.Search.Embedded.Pipeline;
using Platform.Search.Embedded.Querying;
using Platform.Search.Embedded.Ranking;
using Platform.Search.Engine;

namespace Platform.Search.Embedded.Results;

/// <summary>
/// Shapes a stored document into a hit: displayed ∩ retrieved attributes, then <c>_formatted</c> (highlight, crop,
/// numbers as strings), <c>_matchesPosition</c> (UTF-8 byte offsets) and <c>_rankingScore</c> when asked. Every step
/// is linear in the field's length, and the tokens it analyses and the text it produces are charged to the search's
/// <see cref="SearchBudget"/>, so one huge field cannot hold a silo or blow up the response.
/// </summary>
internal sealed class HitFormatter
{
    private readonly SearchRequest _request;
    private readonly ParsedQuery _query;
    private readonly TextAnalyzer _analyzer;
    private readonly IReadOnlyList<string> _displayed;
    private readonly IReadOnlyList<string> _retrieve;
    private readonly IReadOnlyList<string> _highlight;
    private readonly List<(string Pattern, int Words)> _crop = [];
    private readonly List<TextToken> _tokens = [];
    private readonly SearchBudget _budget;

    /// <summary>What one <c>{"start":…,"length":…}</c> entry adds to a response, about.</summary>
    private const int PositionBytes = 32;

    public HitFormatter(SearchRequest request, ParsedQuery query, TextAnalyzer analyzer, IndexSettings settings, SearchBudget budget)
    {
        _budget = budget;
        _request = request;
        _query = query;
        _analyzer = analyzer;
        _displayed = settings.DisplayedAttributes;
        _retrieve = request.AttributesToRetrieve is { Count: > 0 } r ? r : ["*"];
        CheckNotReserved(_retrieve, "attributesToRetrieve");
        _highlight = request.AttributesToHighlight ?? [];
        CheckNotReserved(_highlight, "attributesToHighlight");
        foreach (var entry in request.AttributesToCrop ?? [])
        {
            var colon = entry.LastIndexOf(':');
            if (colon > 0 && int.TryParse(entry.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var words))
            {
                _crop.Add((entry[..colon], words));
            }
            else
            {
                _crop.Add((entry, request.CropLength));
            }
        }

        CheckNotReserved(_crop.Select(c => c.Pattern).ToList(), "attributesToCrop");
    }

    private static void CheckNotReserved(IReadOnlyList<string> attributes, string parameter)
    {
        if (attributes.Any(a => a == SearchEngineErrors.TenantAttribute || a.StartsWith(SearchEngineErrors.TenantAttribute + ".", StringComparison.Ordinal)))
        {
            throw SearchEngineErrors.ReservedAttribute(parameter);
        }
    }

    /// <summary>Displayed ∩ requested attributes of a stored document.</summary>
    public static JsonObject Retrieve(JsonObject source, IReadOnlyList<string> displayed, IReadOnlyList<string> retrieve)
    {
        var visible = displayed.Contains("*") ? source : JsonLeaves.Project(source, displayed);
        return JsonLeaves.Project(visible, retrieve);
    }

    public JsonObject Format(JsonObject source, Relevance relevance)
    {
        var hit = Retrieve(source, _displayed, _retrieve);
        if (_highlight.Count > 0 || _crop.Count > 0)
        {
            var formatted = (JsonObject)hit.DeepClone();
            FormatObject(formatted, "");
            hit["_formatted"] = formatted;
        }

        if (_request.ShowMatchesPosition)
        {
            var positions = new JsonObject();
            CollectPositions(hit, "", positions);
            hit["_matchesPosition"] = positions;
        }

        if (_request.ShowRankingScore)
        {
            hit["_rankingScore"] = relevance.Score;
        }

        return hit;
    }

    private void FormatObject(JsonObject obj, string prefix)
    {
        foreach (var key in obj.Select(p => p.Key).ToList())
        {
            var path = prefix.Length == 0 ? key : prefix + "." + key;
            obj[key] = FormatNode(obj[key], path);
        }
    }

    private JsonNode? FormatNode(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject o:
                FormatObject(o, path);
                return o;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    var item = a[i];
                    a[i] = null;
                    a[i] = FormatNode(item, path);
                }

                return a;
            case JsonValue v when v.GetValueKind() == JsonValueKind.Number:
                return JsonValue.Create(v.ToJsonString());
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                var highlight = _highlight.Any(p => AttributePatterns.Covers(p, path));
                int? crop = null;
                foreach (var (pattern, words) in _crop)
                {
                    if (AttributePatterns.Covers(pattern, path))
                    {
                        crop = words;
                    }
                }

                return highlight || crop is not null ? JsonValue.Create(Transform(v.GetValue<string>(), highlight, crop)) : v;
            default:
                return node;
        }
    }

    private string Transform(string text, bool highlight, int? cropWords)
    {
        Analyze(text);
        var marks = _query.IsPlaceholder ? [] : TermMatching.Highlights(_tokens, _query);
        int from = 0, to = text.Length, first = 0, last = _tokens.Count;
        var prefixMarker = false;
        var suffixMarker = false;
        if (cropWords is { } words && _tokens.Count > words)
        {
            first = BestWindow(marks, words);
            last = first + words;
            from = words == 0 ? 0 : _tokens[first].Start;
            to = words == 0 ? 0 : _tokens[last - 1].End;
            prefixMarker = first > 0;
            suffixMarker = last < _tokens.Count;
        }

        var shown = highlight ? marks.Where(m => m.Token >= first && m.Token < last).ToList() : [];
        var markerLength = (prefixMarker ? _request.CropMarker.Length : 0) + (suffixMarker ? _request.CropMarker.Length : 0);
        var tagLength = (long)shown.Count * (_request.HighlightPreTag.Length + _request.HighlightPostTag.Length);
        _budget.Emit(to - from + markerLength + tagLength);

        var sb = new StringBuilder();
        if (prefixMarker)
        {
            sb.Append(_request.CropMarker);
        }

        var at = from;
        foreach (var (token, chars) in shown)
        {
            var start = _tokens[token].Start;
            sb.Append(text, at, start - at)
                .Append(_request.HighlightPreTag)
                .Append(text, start, chars)
                .Append(_request.HighlightPostTag);
            at = start + chars;
        }

        sb.Append(text, at, to - at);
        if (suffixMarker)
        {
            sb.Append(_request.CropMarker);
        }

        return sb.ToString();
    }

    /// <summary>
    /// The first token of the <paramref name="words"/>-token window holding the most matches (the earliest on a tie),
    /// found with one sliding pass over the tokens rather than a count per window.
    /// </summary>
    private int BestWindow(List<(int Token, int Chars)> marks, int words)
    {
        var matched = new bool[_tokens.Count];
        foreach (var (token, _) in marks)
        {
            matched[token] = true;
        }

        var count = 0;
        for (var t = 0; t < words; t++)
        {
            count += matched[t] ? 1 : 0;
        }

        int best = 0, bestCount = count;
        for (var s = 1; s + words <= _tokens.Count; s++)
        {
            count += (matched[s + words - 1] ? 1 : 0) - (matched[s - 1] ? 1 : 0);
            if (count > bestCount)
            {
                best = s;
                bestCount = count;
            }
        }

        return best;
    }

    private void Analyze(string text)
    {
        _budget.Spend(text.Length);
        _analyzer.Tokenize(text, _tokens);
        _budget.Spend(_tokens.Count);
    }

    private void CollectPositions(JsonNode? node, string path, JsonObject into)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    CollectPositions(value, path.Length == 0 ? key : path + "." + key, into);
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    CollectPositions(item, path, into);
                }

                break;
            case JsonValue v when v.GetValueKind() is JsonValueKind.String or JsonValueKind.Number:
                if (_query.IsPlaceholder)
                {
                    return;
                }

                var text = v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString();
                Analyze(text);

                // Byte offsets grow from the previous match, so the whole field is measured once, not once per match.
                int charsCounted = 0, bytesCounted = 0;
                foreach (var (token, chars) in TermMatching.Highlights(_tokens, _query))
                {
                    var start = _tokens[token].Start;
                    if (into[path] is not JsonArray list)
                    {
                        list = [];
                        into[path] = list;
                    }

                    bytesCounted += Encoding.UTF8.GetByteCount(text.AsSpan(charsCounted, start - charsCounted));
                    charsCounted = start;
                    _budget.Emit(PositionBytes);
                    list.Add(new JsonObject
                    {
                        ["start"] = bytesCounted,
                        ["length"] = Encoding.UTF8.GetByteCount(text.AsSpan(start, chars)),
                    });
                }

                break;
        }
    }
}
