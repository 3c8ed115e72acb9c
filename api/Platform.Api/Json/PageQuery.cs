using System.Globalization;
using Microsoft.AspNetCore.Http;
using Platform.Api.Errors;

namespace Platform.Api.Json;

/// <summary>
/// <c>offset</c>/<c>limit</c> query parameters with Meilisearch's messages; unknown parameters are refused.
/// </summary>
internal readonly record struct PageQuery(int Offset, int Limit)
{
    public static PageQuery Read(HttpRequest request, string errorPrefix, int defaultLimit = 20)
    {
        foreach (var key in request.Query.Keys)
        {
            if (key is not ("offset" or "limit"))
            {
                throw ApiError.BadRequest($"Unknown parameter `{key}`: expected one of `offset`, `limit`");
            }
        }

        return new PageQuery(
            Parse(request, "offset", errorPrefix, 0),
            Parse(request, "limit", errorPrefix, defaultLimit));
    }

    private static int Parse(HttpRequest request, string name, string errorPrefix, int fallback)
    {
        var raw = request.Query[name];
        if (raw.Count == 0) return fallback;
        var text = raw[0] ?? "";
        // Meilisearch reads both as usize: any 64-bit value is valid, and past int.MaxValue means the same.
        if (!ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw new ApiError($"invalid_{errorPrefix}_{name}",
                $"Invalid value in parameter `{name}`: could not parse `{text}` as a positive integer");
        }

        return (int)Math.Min(value, int.MaxValue);
    }
}
