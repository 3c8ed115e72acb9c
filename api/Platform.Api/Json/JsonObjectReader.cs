using System.Globalization;
using System.Text.Json;
using Platform.Api.Errors;
using Platform.Search.Errors;

namespace Platform.Api.Json;

/// <summary>
/// Field-by-field validation of a JSON object body with Meilisearch's (deserr's) messages:
/// <c>Unknown field</c>, <c>Missing field</c>, <c>Invalid value type at</c>, <c>Immutable field</c>.
/// Error codes are <c>{prefix}_{field_in_snake_case}</c>, e.g. <c>invalid_api_key_actions</c>.
/// </summary>
internal sealed class JsonObjectReader(JsonElement body, string errorPrefix)
{
    public JsonElement Body { get; } = body;

    /// <summary>Refuses fields outside <paramref name="allowed"/> (in the order Meilisearch lists them).</summary>
    public JsonObjectReader AllowOnly(params string[] allowed)
    {
        foreach (var property in Body.EnumerateObject())
        {
            if (Array.IndexOf(allowed, property.Name) >= 0) continue;
            throw UnknownField(property.Name, allowed);
        }

        return this;
    }

    /// <summary>
    /// deserr's unknown-field error: <c>Unknown field `x`: expected one of …</c> at the top level, and
    /// <c>Unknown field `x` inside `.queries[0]`: expected one of …</c> inside a nested object.
    /// </summary>
    public static ApiError UnknownField(string field, IReadOnlyList<string> allowed, string? inside = null, string code = ErrorCodes.BadRequest)
    {
        var hint = allowed.FirstOrDefault(a => Normalize(a) == Normalize(field));
        var didYouMean = hint is null ? "" : $" did you mean `{hint}`?";
        var location = inside is null ? "" : $" inside `{inside}`";
        return new ApiError(code,
            $"Unknown field `{field}`{location}:{didYouMean} expected one of {string.Join(", ", allowed.Select(a => $"`{a}`"))}");
    }

    /// <summary>Refuses fields that exist but may not change (<c>immutable_{prefix}_{field}</c>).</summary>
    public JsonObjectReader Immutable(string[] mutable, params string[] immutable)
    {
        foreach (var property in Body.EnumerateObject())
        {
            if (Array.IndexOf(immutable, property.Name) >= 0)
            {
                throw new ApiError($"immutable_{errorPrefix}_{Snake(property.Name)}",
                    $"Immutable field `{property.Name}`: expected one of {string.Join(", ", mutable.Select(a => $"`{a}`"))}");
            }
        }

        return this;
    }

    public bool Has(string field) => Body.TryGetProperty(field, out _);

    public JsonElement Required(string field) =>
        Body.TryGetProperty(field, out var value)
            ? value
            : throw new ApiError($"missing_{errorPrefix}_{Snake(field)}", $"Missing field `{field}`");

    /// <summary>A string or null field. Absent → <paramref name="present"/> false.</summary>
    public string? OptionalString(string field, out bool present)
    {
        present = Body.TryGetProperty(field, out var value);
        if (!present || value.ValueKind == JsonValueKind.Null) return null;
        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw TypeError(field, value, "a string");
    }

    public IReadOnlyList<string> StringArray(string field, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array) throw TypeError(field, value, "an array");
        var list = new List<string>(value.GetArrayLength());
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String) throw TypeError($"{field}[{i}]", item, "a string", field);
            list.Add(item.GetString()!);
            i++;
        }

        return list;
    }

    public long? OptionalNonNegativeInteger(string field, JsonElement value, string? codeField = null)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) && n >= 0) return n;
        throw TypeError(field, value, "a positive integer", codeField);
    }

    public ApiError TypeError(string path, JsonElement value, string expected, string? codeField = null) =>
        TypeError($"invalid_{errorPrefix}_{Snake(codeField ?? path)}", path, value, expected);

    /// <summary>deserr's type error with an explicit code; <paramref name="path"/> has no leading dot.</summary>
    public static ApiError TypeError(string code, string path, JsonElement value, string expected) =>
        new(code,
            $"Invalid value type at `.{path}`: expected {expected}, but found {JsonDescriptions.Kind(value)}: `{JsonDescriptions.Compact(value)}`");

    public ApiError ValueError(string path, string detail, string? codeField = null) =>
        new($"invalid_{errorPrefix}_{Snake(codeField ?? path)}", $"Invalid value at `.{path}`: {detail}");

    /// <summary><c>expiresAt</c> → <c>expires_at</c>, as Meilisearch's error codes spell fields.</summary>
    public static string Snake(string field)
    {
        var builder = new System.Text.StringBuilder(field.Length + 4);
        foreach (var c in field)
        {
            if (char.IsUpper(c))
            {
                builder.Append('_').Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static string Normalize(string name) => name.Replace("_", "", StringComparison.Ordinal).ToUpperInvariant();
}
