using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Api.Errors;
using Platform.Api.Json;
using Platform.Meilisearch.StandIn.Auth;
using Platform.Search.Errors;

namespace Platform.Meilisearch.StandIn.Routes;

/// <summary>
/// Meilisearch's <c>/keys</c> routes. A key's value is derived from the master key and its uid
/// (<see cref="KeyStore"/>); only <c>name</c> and <c>description</c> can change after creation.
/// </summary>
internal static class KeyRoutes
{
    private static readonly string[] CreateFields = ["description", "name", "uid", "actions", "indexes", "expiresAt"];
    private static readonly string[] MutableFields = ["name", "description"];

    public static void MapKeyRoutes(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/keys", CreateKey);
        routes.MapGet("/keys", ListKeys);
        routes.MapGet("/keys/{uidOrKey}", GetKey);
        routes.MapPatch("/keys/{uidOrKey}", UpdateKey);
        routes.MapDelete("/keys/{uidOrKey}", DeleteKey);
    }

    public static async Task<IResult> CreateKey(HttpContext context, StandInAuthenticator auth, KeyStore keys, TimeProvider time)
    {
        auth.Authenticate(context, StandInActions.KeysCreate, null);
        var body = (await JsonBody.ReadObjectAsync(context.Request, "api_key")).AllowOnly(CreateFields);
        var request = KeyRequestReader.ReadCreate(body, time.GetUtcNow());
        var uid = request.Uid ?? Guid.NewGuid();
        var key = keys.Add(uid, request.Name, request.Description, request.Actions, request.Indexes, request.ExpiresAt)
            ?? throw new ApiError(ErrorCodes.ApiKeyAlreadyExists, $"`uid` field value `{uid:D}` is already an existing API key.");
        return TypedResults.Json(key.ToJson(), statusCode: StatusCodes.Status201Created);
    }

    public static IResult ListKeys(HttpContext context, StandInAuthenticator auth, KeyStore keys)
    {
        auth.Authenticate(context, StandInActions.KeysGet, null);
        var page = PageQuery.Read(context.Request, "api_key");
        var all = keys.NewestFirst();
        return TypedResults.Ok(new JsonObject
        {
            ["results"] = new JsonArray([.. all.Skip(page.Offset).Take(page.Limit).Select(k => (JsonNode)k.ToJson())]),
            ["offset"] = page.Offset,
            ["limit"] = page.Limit,
            ["total"] = all.Count,
        });
    }

    public static IResult GetKey(string uidOrKey, HttpContext context, StandInAuthenticator auth, KeyStore keys)
    {
        auth.Authenticate(context, StandInActions.KeysGet, null);
        return TypedResults.Ok(Find(keys, uidOrKey).ToJson());
    }

    public static async Task<IResult> UpdateKey(string uidOrKey, HttpContext context, StandInAuthenticator auth, KeyStore keys)
    {
        auth.Authenticate(context, StandInActions.KeysUpdate, null);
        var body = (await JsonBody.ReadObjectAsync(context.Request, "api_key"))
            .Immutable(MutableFields, "uid", "actions", "indexes", "expiresAt", "createdAt", "updatedAt", "key")
            .AllowOnly(MutableFields);
        var existing = Find(keys, uidOrKey);
        var updated = keys.Update(existing.Uid, key => key with
        {
            Name = body.Has("name") ? KeyRequestReader.OptionalString(body, "name") : key.Name,
            Description = body.Has("description") ? KeyRequestReader.OptionalString(body, "description") : key.Description,
        }) ?? throw NotFound(uidOrKey);
        return TypedResults.Ok(updated.ToJson());
    }

    public static IResult DeleteKey(string uidOrKey, HttpContext context, StandInAuthenticator auth, KeyStore keys)
    {
        auth.Authenticate(context, StandInActions.KeysDelete, null);
        return keys.Delete(Find(keys, uidOrKey).Uid) ? TypedResults.NoContent() : throw NotFound(uidOrKey);
    }

    private static StandInKey Find(KeyStore keys, string uidOrKey) => keys.Find(uidOrKey) ?? throw NotFound(uidOrKey);

    private static ApiError NotFound(string uidOrKey) => new(ErrorCodes.ApiKeyNotFound, $"API key `{uidOrKey}` not found.");
}

/// <summary>The body of <c>POST /keys</c>, read field by field with Meilisearch's codes.</summary>
internal static class KeyRequestReader
{
    public sealed record CreateRequest(Guid? Uid, string? Name, string? Description, IReadOnlyList<string> Actions, IReadOnlyList<string> Indexes, DateTimeOffset? ExpiresAt);

    public static CreateRequest ReadCreate(JsonObjectReader body, DateTimeOffset now)
    {
        var name = body.Has("name") ? OptionalString(body, "name") : null;
        var description = body.Has("description") ? OptionalString(body, "description") : null;
        Guid? uid = null;
        if (body.Body.TryGetProperty("uid", out var uidValue) && uidValue.ValueKind != JsonValueKind.Null)
        {
            uid = uidValue.ValueKind == JsonValueKind.String && Guid.TryParse(uidValue.GetString(), out var parsed)
                ? parsed
                : throw new ApiError("invalid_api_key_uid", $"Invalid value at `.uid`: invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-], found `{JsonDescriptions.Compact(uidValue)}`");
        }

        var actions = Strings(body, "actions", ErrorCodes.InvalidApiKeyActions);
        foreach (var (action, i) in actions.Select((a, i) => (a, i)))
        {
            if (!StandInActions.Known.Contains(action))
            {
                throw new ApiError(ErrorCodes.InvalidApiKeyActions, $"Unknown value `{action}` at `.actions[{i}]`: expected one of {string.Join(", ", StandInActions.Known.Select(a => $"`{a}`"))}");
            }
        }

        var indexes = Strings(body, "indexes", "invalid_api_key_indexes");
        if (!body.Body.TryGetProperty("expiresAt", out var expires))
        {
            throw new ApiError("missing_api_key_expires_at", "Missing field `expiresAt`");
        }

        return new CreateRequest(uid, name, description, actions, indexes, ExpiresAt(expires, now));
    }

    public static string? OptionalString(JsonObjectReader body, string field)
    {
        var value = body.Body.GetProperty(field);
        return value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => value.GetString(),
            _ => throw new ApiError($"invalid_api_key_{field}", $"Invalid value type at `.{field}`: expected a string, but found {JsonDescriptions.Kind(value)}: `{JsonDescriptions.Compact(value)}`"),
        };
    }

    private static List<string> Strings(JsonObjectReader body, string field, string invalidCode)
    {
        if (!body.Body.TryGetProperty(field, out var value))
        {
            throw new ApiError($"missing_api_key_{field}", $"Missing field `{field}`");
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
        {
            throw new ApiError(invalidCode, $"Invalid value type at `.{field}`: expected an array of strings, but found {JsonDescriptions.Kind(value)}: `{JsonDescriptions.Compact(value)}`");
        }

        return [.. value.EnumerateArray().Select(v => v.GetString()!)];
    }

    private static DateTimeOffset? ExpiresAt(JsonElement value, DateTimeOffset now)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.String && Rfc3339.TryParse(value.GetString()!, out var expiry) && expiry > now) return expiry;
        throw new ApiError("invalid_api_key_expires_at",
            $"`{JsonDescriptions.Compact(value)}` is not a valid date. It should follow the RFC 3339 format to represents a date or datetime in the future or specified as a null value. e.g. 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM:SS'.");
    }
}
