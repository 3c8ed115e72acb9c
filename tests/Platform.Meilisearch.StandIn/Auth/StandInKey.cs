using System.Text.Json.Nodes;
using Platform.Api.Json;

namespace Platform.Meilisearch.StandIn.Auth;

/// <summary>An API key as Meilisearch stores it; <see cref="Key"/> is derived from the master key and the uid.</summary>
internal sealed record StandInKey(
    Guid Uid,
    string Key,
    string? Name,
    string? Description,
    IReadOnlyList<string> Actions,
    IReadOnlyList<string> Indexes,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public bool IsExpiredAt(DateTimeOffset now) => ExpiresAt is { } expiry && expiry <= now;

    /// <summary>
    /// Meilisearch's action check: an exact action, <c>*</c>, or a wildcard of its group (<c>documents.*</c> covers
    /// <c>documents.add</c>; <c>*.get</c> covers every <c>….get</c>).
    /// </summary>
    public bool Grants(string action)
    {
        var dot = action.IndexOf('.', StringComparison.Ordinal);
        foreach (var held in Actions)
        {
            if (held == "*" || held == action) return true;
            if (dot > 0 && held == action[..dot] + ".*") return true;
            if (dot > 0 && held == "*" + action[dot..] && action.EndsWith(".get", StringComparison.Ordinal)) return true;
        }

        return false;
    }

    /// <summary>The key object of <c>GET /keys</c>, in Meilisearch's field order.</summary>
    public JsonObject ToJson() => new()
    {
        ["name"] = Name,
        ["description"] = Description,
        ["key"] = Key,
        ["uid"] = Uid.ToString("D"),
        ["actions"] = new JsonArray([.. Actions.Select(a => (JsonNode)a)]),
        ["indexes"] = new JsonArray([.. Indexes.Select(i => (JsonNode)i)]),
        ["expiresAt"] = Rfc3339.Format(ExpiresAt),
        ["createdAt"] = Rfc3339.Format(CreatedAt),
        ["updatedAt"] = Rfc3339.Format(UpdatedAt),
    };
}
