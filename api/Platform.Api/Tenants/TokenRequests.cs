using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Platform.Api.Errors;
using Platform.Api.Json;
using Platform.Grains.Tenants;
using Platform.Search.Errors;

namespace Platform.Api.Tenants;

/// <summary>
/// Reads the body of <c>POST /tenants/{uid}/tokens</c> with deserr-style messages (codes <c>invalid_token_*</c>,
/// <c>missing_token_*</c>). <c>searchRules</c> is passed on as JSON text: the tenant grain parses and validates it
/// (<c>invalid_search_rules</c>, <c>reserved_attribute</c>).
/// </summary>
internal static class TokenRequests
{
    /// <summary>Longest accepted <c>subject</c>, in characters: it travels in every request the token is used on.</summary>
    public const int MaxSubjectLength = 256;

    /// <summary>
    /// Largest mint body read, in bytes: the largest rules (<see cref="TenantRules.MaxBytes"/>) and every other field
    /// fit with room to spare, so a mint request cannot make the API buffer a body of <c>Platform:MaxPayloadBytes</c>.
    /// </summary>
    public const int MaxBodyBytes = 64 * 1024;

    private static readonly string[] Fields = ["searchRules", "expiresAt", "ttlSeconds", "subject", "apiKeyUid"];

    /// <summary>Refuses a mint body over <see cref="MaxBodyBytes"/>: at once when its length is declared, else while it is read.</summary>
    /// <exception cref="ApiError"><c>payload_too_large</c>.</exception>
    public static void LimitBody(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBodyBytes)
        {
            throw new ApiError(ErrorCodes.PayloadTooLarge, $"The provided payload reached the size limit. The maximum accepted payload size is {MaxBodyBytes} bytes.");
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }
    }

    public static TokenRequest Read(JsonObjectReader body, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(body);
        string? rules = null, subject = null;
        Guid? apiKeyUid = null;
        DateTimeOffset? expiresAt = null;
        long? ttlSeconds = null;

        foreach (var property in body.Body.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name)
            {
                case "searchRules": rules = TenantRules.EnsureWithinLimit(value.GetRawText()); break;
                case "expiresAt": expiresAt = ReadExpiresAt(body, value, now); break;
                case "ttlSeconds": ttlSeconds = ReadTtl(body, value); break;
                case "subject": subject = ReadSubject(body, value); break;
                case "apiKeyUid": apiKeyUid = ReadApiKeyUid(body, value); break;
                default: throw JsonObjectReader.UnknownField(property.Name, Fields);
            }
        }

        rules ??= TenantRules.EnsureWithinLimit(body.Required("searchRules").GetRawText());
        if (expiresAt is not null && ttlSeconds is not null)
        {
            throw new ApiError(ErrorCodes.InvalidTokenExpiresAt, "Give either `expiresAt` or `ttlSeconds`, not both.");
        }

        return new TokenRequest(rules, apiKeyUid, subject, expiresAt, ttlSeconds);
    }

    private static DateTimeOffset? ReadExpiresAt(JsonObjectReader body, JsonElement value, DateTimeOffset now)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.String && Rfc3339.TryParse(value.GetString()!, out var at) && at > now) return at;

        var shown = value.ValueKind == JsonValueKind.String ? value.GetString() : JsonDescriptions.Compact(value);
        throw body.ValueError("expiresAt",
            $"`{shown}` is not a valid date. It should follow the RFC 3339 format to represents a date or datetime in "
            + "the future or specified as a null value. e.g. 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM:SS'.");
    }

    private static long? ReadTtl(JsonObjectReader body, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seconds) && seconds > 0) return seconds;
        throw body.TypeError("ttlSeconds", value, "a positive integer");
    }

    private static string? ReadSubject(JsonObjectReader body, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String) throw body.TypeError("subject", value, "a string");
        var subject = value.GetString()!;
        return subject.Length is > 0 and <= MaxSubjectLength
            ? subject
            : throw body.ValueError("subject", $"a subject is 1 to {MaxSubjectLength} characters long.");
    }

    private static Guid? ReadApiKeyUid(JsonObjectReader body, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String) throw body.TypeError("apiKeyUid", value, "a string");
        var text = value.GetString()!;
        return Guid.TryParseExact(text, "D", out var uid)
            ? uid
            : throw body.ValueError("apiKeyUid", $"`{text}` is not a valid API key uid: expected a UUID (8-4-4-4-12 hex digits).");
    }
}
