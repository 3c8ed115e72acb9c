using System.Globalization;
using System.Text.Json.Nodes;
using Platform.Api.Errors;
using Platform.Api.Json;

namespace Platform.Meilisearch.StandIn.Tasks;

/// <summary>
/// One task as Meilisearch keeps it: enqueued, then processing, then succeeded or failed. Its state is only changed
/// by the queue's single worker; readers take a snapshot (<see cref="ToJson"/>) under the same lock.
/// </summary>
internal sealed class StandInTask(long uid, string? indexUid, string type, JsonObject? details, DateTimeOffset enqueuedAt)
{
    private readonly Lock _lock = new();
    private string _status = "enqueued";
    private JsonObject? _details = details;
    private ErrorView? _error;
    private DateTimeOffset? _startedAt, _finishedAt;

    public long Uid { get; } = uid;

    public string? IndexUid { get; } = indexUid;

    public string Type { get; } = type;

    public DateTimeOffset EnqueuedAt { get; } = enqueuedAt;

    public string Status
    {
        get
        {
            lock (_lock) return _status;
        }
    }

    public void Start(DateTimeOffset now)
    {
        lock (_lock)
        {
            _status = "processing";
            _startedAt = now;
        }
    }

    public void Succeed(JsonObject? details, DateTimeOffset now)
    {
        lock (_lock)
        {
            _status = "succeeded";
            _details = details ?? _details;
            _finishedAt = now;
        }
    }

    public void Fail(ErrorView error, JsonObject? details, DateTimeOffset now)
    {
        lock (_lock)
        {
            _status = "failed";
            _error = error;
            _details = details ?? _details;
            _finishedAt = now;
        }
    }

    /// <summary>The 202 answer of the request that enqueued it.</summary>
    public JsonObject Summary() => new()
    {
        ["taskUid"] = Uid,
        ["indexUid"] = IndexUid,
        ["status"] = "enqueued",
        ["type"] = Type,
        ["enqueuedAt"] = Rfc3339.Format(EnqueuedAt),
    };

    /// <summary>Meilisearch's task object, in its field order.</summary>
    public JsonObject ToJson()
    {
        lock (_lock)
        {
            return new JsonObject
            {
                ["uid"] = Uid,
                ["batchUid"] = _startedAt is null ? null : Uid,
                ["indexUid"] = IndexUid,
                ["status"] = _status,
                ["type"] = Type,
                ["canceledBy"] = null,
                ["details"] = _details?.DeepClone(),
                ["error"] = _error is { } e
                    ? new JsonObject { ["message"] = e.Message, ["code"] = e.Code, ["type"] = e.Type, ["link"] = e.Link }
                    : null,
                ["duration"] = _startedAt is { } s && _finishedAt is { } f
                    ? "PT" + (f - s).TotalSeconds.ToString("0.#########", CultureInfo.InvariantCulture) + "S"
                    : null,
                ["enqueuedAt"] = Rfc3339.Format(EnqueuedAt),
                ["startedAt"] = Rfc3339.Format(_startedAt),
                ["finishedAt"] = Rfc3339.Format(_finishedAt),
            };
        }
    }
}
