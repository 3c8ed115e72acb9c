using System.Collections.Concurrent;
using System.Text.Json;
using Platform.Fuzz.Tests.Generators;
using Platform.Fuzz.Tests.Infrastructure;

namespace Platform.Fuzz.Tests;

/// <summary>
/// Sends one generated request and checks what issue #10 asks of every answer: no 5xx (a 503 included: the
/// in-process engine is always available), every error in Meilisearch's shape <c>{message, code, type, link}</c>,
/// an answer within the client timeout, and a bounded allocation.
/// </summary>
internal sealed class ResponseChecker(HttpClient http, int concurrency)
{
    private static readonly string[] ErrorFields = ["message", "code", "type", "link"];

    public ConcurrentDictionary<int, long> Statuses { get; } = new();

    public async Task CheckAsync(FuzzRequest request)
    {
        var before = GC.GetTotalAllocatedBytes();
        int status;
        string body;
        try
        {
            using var message = request.ToMessage();
            using var response = await http.SendAsync(message);
            status = (int)response.StatusCode;
            body = await response.Content.ReadAsStringAsync();
        }
        catch (TaskCanceledException)
        {
            throw Fail(request, $"no answer within {FuzzSettings.RequestTimeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException) when (RequestLineTooLong(request))
        {
            // Kestrel answers 414 and closes the connection before reading the body, so a client still sending
            // one sees the connection fail: the same rejection as an empty 414.
            Statuses.AddOrUpdate(414, 1, (_, n) => n + 1);
            return;
        }
        catch (HttpRequestException e)
        {
            throw Fail(request, $"the connection failed: {e.Message}");
        }

        // The counter is process-wide: with one request in flight it measures that request (plus background work);
        // with several, a slow request's window holds any number of others', so only the run's average is checked.
        var allocated = GC.GetTotalAllocatedBytes() - before;
        Statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
        if (status >= 500) throw Fail(request, $"{status}: {body}");
        if (concurrency == 1 && allocated > FuzzSettings.MaxAllocatedBytesPerRequest) throw Fail(request, $"allocated {allocated:N0} bytes");
        if (status >= 400 && request.Method != "HEAD" && !IsMeilisearchError(body) && !IsKestrelRejection(request, status, body)) throw Fail(request, $"{status} not in Meilisearch's error shape: {body}");
    }

    /// <summary>
    /// Kestrel itself refuses, with an empty body and before any middleware runs (docs/security.md#fuzzing), a path
    /// that decodes to a NUL character (400) and a request line over its 8 KiB limit (414): the answers the platform
    /// cannot shape.
    /// </summary>
    private static bool IsKestrelRejection(FuzzRequest request, int status, string body) =>
        body.Length == 0 && status switch
        {
            400 => request.Target.Split('?', 2)[0].Contains("%00", StringComparison.Ordinal),
            414 => RequestLineTooLong(request),
            _ => false,
        };

    private static bool RequestLineTooLong(FuzzRequest request) =>
        request.Method.Length + request.Target.Length > KestrelRequestLineLimit - 16;

    /// <summary>Kestrel's default <c>MaxRequestLineSize</c>.</summary>
    private const int KestrelRequestLineLimit = 8 * 1024;

    private static bool IsMeilisearchError(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).SequenceEqual(ErrorFields.Order(StringComparer.Ordinal))
                && ErrorFields.All(f => root.GetProperty(f).ValueKind == JsonValueKind.String);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static Exception Fail(FuzzRequest request, string what)
    {
        var finding = $"{what} <- {request}";
        if (FuzzSettings.FindingsFile is { } file)
        {
            lock (ErrorFields) File.AppendAllText(file, finding.ReplaceLineEndings(" ") + Environment.NewLine);
        }

        return new InvalidOperationException(finding);
    }
}
