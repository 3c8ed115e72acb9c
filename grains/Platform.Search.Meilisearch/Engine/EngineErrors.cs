using System.Globalization;
using Platform.Search.Engine;
using Platform.Search.Errors;

namespace Platform.Search.Meilisearch.Engine;

/// <summary>
/// Turns Meilisearch's answers into <see cref="SearchEngineException"/>s a client may see: the same code, type and
/// status, with the message speaking of the logical index (not <c>platform-products</c>) and without the platform's
/// own attributes in its lists of attributes (<see cref="AttributeLists"/>).
/// </summary>
internal static class EngineErrors
{
    /// <summary>Where a call went, for rewriting messages: the logical uid and the physical uid it was sent to.</summary>
    public readonly record struct Target(string LogicalUid, string PhysicalUid);

    /// <summary>The engine error for what a client call threw, or null for anything else (bugs, cancellation).</summary>
    public static SearchEngineException? Translate(Exception e, Target? target) => e switch
    {
        MeilisearchApiException api => FromApi(api, target),
        MeilisearchUnavailableException or TimeoutException => Unavailable(e),
        InvalidDataException => new SearchEngineException("Meilisearch answered with an unexpected body.", e),
        _ => null,
    };

    public static SearchEngineException FromApi(MeilisearchApiException e, Target? target)
    {
        var status = (int)e.StatusCode;
        if (IsCredentialRefused(e))
        {
            // Meilisearch only ever sees the platform's own credentials (admin key, backend tokens): a refusal is the
            // platform's misconfiguration, and passing "The provided API key is invalid." on would blame the caller.
            return new SearchEngineException("internal", "The search service refused the platform's credentials.", 500, "internal");
        }

        return e.Error is { } error
            ? new SearchEngineException(error.Code, Rewrite(error.Message, target), status, string.IsNullOrEmpty(error.Type) ? TypeOf(status) : error.Type)
            : new SearchEngineException("internal", e.Message, status >= 500 ? status : 500, "internal");
    }

    /// <summary>True for Meilisearch's 401/403 answers (type <c>auth</c>).</summary>
    public static bool IsCredentialRefused(MeilisearchApiException e) =>
        e.ErrorType == "auth" || e.StatusCode is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden;

    /// <summary>A failed task's error. Tasks carry no status, so it comes from the code (and type).</summary>
    public static SearchEngineException FromTask(TaskInfo task, Target? target)
    {
        if (task.Error is not { } error)
        {
            return new SearchEngineException(
                ErrorCodes.Internal,
                string.Create(CultureInfo.InvariantCulture, $"Meilisearch task {task.Uid} ended as '{task.Status}'."),
                500,
                ErrorTypes.Internal);
        }

        // A code the platform's catalog lists keeps its status there; any other takes the status of Meilisearch's type.
        var status = ErrorCatalog.TryDescribe(error.Code, out var known)
            ? known.Status
            : error.Type switch
            {
                ErrorTypes.InvalidRequest => 400,
                ErrorTypes.Auth => 403,
                _ => 500,
            };
        return new SearchEngineException(error.Code, Rewrite(error.Message, target), status, string.IsNullOrEmpty(error.Type) ? TypeOf(status) : error.Type);
    }

    public static SearchEngineException Unavailable(Exception e) =>
        new(ErrorCodes.ServiceUnavailable, e switch
        {
            MeilisearchUnavailableException u => $"The search service is unavailable ({u.Reason}). Try again later.",
            TimeoutException => "The search service did not finish the task in time; it may still complete. Try again later.",
            _ => "The search service is unavailable. Try again later.",
        }, 503, "system");

    /// <summary><c>reserved_attribute</c> for the physical primary key, worded like the isolation attribute's.</summary>
    public static SearchEngineException ReservedPid(string context) =>
        new(ErrorCodes.ReservedAttribute, $"`{PhysicalLayout.PidAttribute}` is a reserved attribute and cannot be used in {context}.");

    /// <summary>The message as the client may see it: the logical uid for the physical one, no platform attributes listed.</summary>
    public static string Rewrite(string message, Target? target)
    {
        if (target is { } t && t.PhysicalUid != t.LogicalUid)
        {
            message = message.Replace($"`{t.PhysicalUid}`", $"`{t.LogicalUid}`", StringComparison.Ordinal);
        }

        return AttributeLists.WithoutPlatformAttributes(message);
    }

    private static string TypeOf(int status) => status >= 500 ? "internal" : "invalid_request";
}
