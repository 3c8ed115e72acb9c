using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Search.Engine;

namespace Platform.Search.Embedded.Storage;

/// <summary>Document id rules and primary-key inference, as Meilisearch applies them (compat §6.1).</summary>
internal static class DocumentIds
{
    public const int MaxIdBytes = 511;

    /// <summary>Error messages show values as written, not with non-ASCII escaped.</summary>
    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The id's canonical string: an integer's decimal form or the string itself.</summary>
    public static string Extract(JsonObject document, string primaryKey)
    {
        if (!document.TryGetPropertyValue(primaryKey, out var node))
        {
            throw SearchEngineErrors.MissingDocumentId(primaryKey, document.ToJsonString(Readable));
        }

        if (node is JsonValue value)
        {
            switch (value.GetValueKind())
            {
                case JsonValueKind.String:
                    var s = value.GetValue<string>();
                    if (IsValid(s))
                    {
                        return s;
                    }

                    break;
                case JsonValueKind.Number:
                    var raw = value.ToJsonString();
                    if (long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
                    {
                        return l.ToString(CultureInfo.InvariantCulture);
                    }

                    if (ulong.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var u))
                    {
                        return u.ToString(CultureInfo.InvariantCulture);
                    }

                    break;
            }
        }

        throw SearchEngineErrors.InvalidDocumentId(node?.ToJsonString(Readable) ?? "null");
    }

    public static bool IsValid(string id)
    {
        if (id.Length == 0 || Encoding.UTF8.GetByteCount(id) > MaxIdBytes)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The only top-level attribute of the first document whose name ends with <c>id</c> (any case).</summary>
    public static string Infer(JsonObject first)
    {
        var candidates = first.Select(p => p.Key).Where(k => k.EndsWith("id", StringComparison.OrdinalIgnoreCase)).ToList();
        return candidates.Count switch
        {
            0 => throw SearchEngineErrors.NoPrimaryKeyCandidate(),
            1 => candidates[0],
            _ => throw SearchEngineErrors.MultiplePrimaryKeyCandidates(candidates),
        };
    }
}
