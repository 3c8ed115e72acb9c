using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Search.Serde;

namespace Platform.Search.Engine;

/// <summary>
/// Meilisearch's document id rules and primary-key inference, shared by every engine so they refuse and accept the
/// same ids (see Meilisearch's documentation on primary fields).
/// </summary>
public static class DocumentIds
{
    /// <summary>The longest id Meilisearch accepts, in bytes (ids are ASCII, so also in characters).</summary>
    public const int MaxIdBytes = 511;

    /// <summary>The id's canonical string: an integer's decimal form or the string itself.</summary>
    public static string Extract(JsonObject document, string primaryKey)
    {
        if (!document.TryGetPropertyValue(primaryKey, out var node))
        {
            throw SearchEngineErrors.MissingDocumentId(primaryKey, document.ToJsonString(ReadableJson.SerializerOptions));
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

        throw SearchEngineErrors.InvalidDocumentId(node?.ToJsonString(ReadableJson.SerializerOptions) ?? "null");
    }

    /// <summary>Meilisearch's document id rule: 1–511 bytes of <c>[a-zA-Z0-9_-]</c>.</summary>
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
