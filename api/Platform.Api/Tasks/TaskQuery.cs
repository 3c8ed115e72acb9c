using System.Globalization;
using Microsoft.AspNetCore.Http;
using Platform.Api.Errors;
using Platform.Grains.Tasks;
using Platform.Search.Errors;

namespace Platform.Api.Tasks;

/// <summary>The filters of <c>GET /tasks</c> (comma-separated lists, <c>*</c> = any).</summary>
internal sealed record TaskQuery(
    int Limit, long? From, IReadOnlySet<string>? Statuses, IReadOnlySet<string>? Types,
    IReadOnlySet<string>? IndexUids, IReadOnlySet<long>? Uids)
{
    private static readonly string[] Parameters = ["limit", "from", "statuses", "types", "indexUids", "uids"];

    public static TaskQuery Read(HttpRequest request)
    {
        foreach (var key in request.Query.Keys)
        {
            if (Array.IndexOf(Parameters, key) < 0)
            {
                throw ApiError.BadRequest(
                    $"Unknown parameter `{key}`: expected one of {string.Join(", ", Parameters.Select(p => $"`{p}`"))}");
            }
        }

        return new TaskQuery(
            ReadLimit(request),
            Number(request, "from", ErrorCodes.InvalidTaskFrom),
            List(request, "statuses"),
            List(request, "types"),
            List(request, "indexUids"),
            List(request, "uids")?.Select(u => Number(u, "uids", ErrorCodes.InvalidTaskUids)).ToHashSet());
    }

    public bool Matches(TaskRecord task) =>
        (Statuses is null || Statuses.Contains(TaskNames.Status(task.Status)))
        && (Types is null || Types.Contains(task.Type))
        && (IndexUids is null || (task.IndexUid is { } index && IndexUids.Contains(index)))
        && (Uids is null || Uids.Contains(task.Uid));

    private static HashSet<string>? List(HttpRequest request, string name)
    {
        var raw = request.Query[name];
        if (raw.Count == 0) return null;
        var items = string.Join(',', raw!).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return items.Contains("*") ? null : items.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Meilisearch reads <c>limit</c> as a <c>u32</c>; a page can never hold more than <see cref="int.MaxValue"/> tasks,
    /// so larger values mean the same as that (and never overflow into a negative page size).
    /// </summary>
    private static int ReadLimit(HttpRequest request)
    {
        var raw = request.Query["limit"];
        if (raw.Count == 0) return 20;
        var text = raw[0] ?? "";
        return uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? (int)Math.Min(value, int.MaxValue)
            : throw new ApiError(ErrorCodes.InvalidTaskLimit, $"Invalid value in parameter `limit`: could not parse `{text}` as a positive integer");
    }

    private static long? Number(HttpRequest request, string name, string code)
    {
        var raw = request.Query[name];
        return raw.Count == 0 ? null : Number(raw[0] ?? "", name, code);
    }

    private static long Number(string text, string name, string code) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ApiError(code, $"Invalid value in parameter `{name}`: could not parse `{text}` as a positive integer");
}
