using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.Api.Errors;
using Platform.Api.Json;
using Platform.Grains.Keys;
using Platform.Search.Errors;

namespace Platform.Api.Tenants;

/// <summary>
/// Validates Meilisearch's key creation and update bodies (docs/api-reference.md#tenant-keys) with its messages. Fields are checked in
/// the order they appear, then missing required fields in Meilisearch's order, as deserr does.
/// </summary>
internal static partial class ApiKeyRequests
{
    private const string Prefix = "api_key";
    private static readonly string[] CreationFields = ["description", "name", "uid", "actions", "indexes", "expiresAt"];
    private static readonly string[] MutableFields = ["description", "name"];

    [GeneratedRegex(@"^(\*|[a-zA-Z0-9_-]{1,400}\*?)\z", RegexOptions.CultureInvariant)]
    private static partial Regex IndexPattern();

    public static ApiKeyDefinition ReadCreation(JsonObjectReader body, DateTimeOffset now)
    {
        string? name = null, description = null;
        Guid? uid = null;
        IReadOnlyList<string>? actions = null, indexes = null;
        DateTimeOffset? expiresAt = null;
        var hasExpiresAt = false;

        foreach (var property in body.Body.EnumerateObject())
        {
            switch (property.Name)
            {
                case "description": description = body.OptionalString("description", out _); break;
                case "name": name = body.OptionalString("name", out _); break;
                case "uid": uid = ReadUid(body, property.Value); break;
                case "actions": actions = ReadActions(body, property.Value); break;
                case "indexes": indexes = ReadIndexes(body, property.Value); break;
                case "expiresAt": expiresAt = ReadExpiresAt(body, property.Value, now); hasExpiresAt = true; break;
                default: body.AllowOnly(CreationFields); break;
            }
        }

        actions ??= body.StringArray("actions", body.Required("actions"));
        indexes ??= body.StringArray("indexes", body.Required("indexes"));
        if (!hasExpiresAt) body.Required("expiresAt");
        return new ApiKeyDefinition(uid ?? Guid.NewGuid(), name, description, actions, indexes, expiresAt);
    }

    public static ApiKeyUpdate ReadUpdate(JsonObjectReader body)
    {
        body.Immutable(MutableFields, "uid", "actions", "indexes", "expiresAt", "createdAt", "updatedAt");
        body.AllowOnly(MutableFields);
        var description = body.OptionalString("description", out var setDescription);
        var name = body.OptionalString("name", out var setName);
        return new ApiKeyUpdate(setName, name, setDescription, description);
    }

    private static Guid ReadUid(JsonObjectReader body, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String) throw body.TypeError("uid", value, "a string");
        var text = value.GetString()!;
        var candidate = text.StartsWith("urn:uuid:", StringComparison.OrdinalIgnoreCase) ? text[9..] : text;
        if (Guid.TryParse(candidate, out var uid) && candidate.Length is 32 or 36) return uid;

        var bad = candidate.Select((c, i) => (c, i)).FirstOrDefault(x => !Uri.IsHexDigit(x.c) && x.c != '-');
        var detail = bad.c != default
            ? $"invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-], found `{bad.c}` at {bad.i + 1}"
            : $"invalid length: expected length 32 for simple format, found {candidate.Replace("-", "", StringComparison.Ordinal).Length}";
        throw body.ValueError("uid", detail);
    }

    private static IReadOnlyList<string> ReadActions(JsonObjectReader body, JsonElement value)
    {
        var actions = body.StringArray("actions", value);
        for (var i = 0; i < actions.Count; i++)
        {
            var action = actions[i];
            if (TenantActions.IsAllowed(action)) continue;
            if (TenantActions.OperatorOnly.Contains(action))
            {
                throw body.ValueError($"actions[{i}]",
                    $"`{action}` is an operator action and cannot be given to a tenant key. Tenant key actions are "
                    + $"{string.Join(", ", TenantActions.Allowed.Select(a => $"`{a}`"))}.", "actions");
            }

            throw new ApiError(ErrorCodes.InvalidApiKeyActions,
                $"Unknown value `{action}` at `.actions[{i}]`: expected one of {string.Join(", ", TenantActions.Allowed.Select(a => $"`{a}`"))}");
        }

        return actions;
    }

    private static IReadOnlyList<string> ReadIndexes(JsonObjectReader body, JsonElement value)
    {
        var indexes = body.StringArray("indexes", value);
        for (var i = 0; i < indexes.Count; i++)
        {
            if (!IndexPattern().IsMatch(indexes[i]))
            {
                throw body.ValueError($"indexes[{i}]",
                    $"`{indexes[i]}` is not a valid index uid pattern. Index uid patterns can be an integer or a string "
                    + "containing only alphanumeric characters, hyphens (-), underscores (_), and optionally end with a star (*).",
                    "indexes");
            }
        }

        return indexes;
    }

    private static DateTimeOffset? ReadExpiresAt(JsonObjectReader body, JsonElement value, DateTimeOffset now)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.String && Rfc3339.TryParse(value.GetString()!, out var at) && at > now)
        {
            return at;
        }

        var shown = value.ValueKind == JsonValueKind.String ? value.GetString() : JsonDescriptions.Compact(value);
        throw body.ValueError("expiresAt",
            $"`{shown}` is not a valid date. It should follow the RFC 3339 format to represents a date or datetime in "
            + "the future or specified as a null value. e.g. 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM:SS'.");
    }
}
