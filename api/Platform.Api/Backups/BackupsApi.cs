using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Auth;
using Platform.Api.Errors;
using Platform.Api.Json;
using Platform.Search.Errors;

namespace Platform.Api.Backups;

/// <summary>
/// <c>POST /backups</c>: the operator takes a consistent backup of a single-process data folder while it keeps
/// serving. Master key only; never answers CORS.
/// </summary>
internal static class BackupsApi
{
    public static RouteGroupBuilder MapBackupsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/backups").WithTags("Backups").RequireMasterKey()
            .ProducesErrors(ErrorResponses.Authenticated);
        group.MapPost("", CreateBackup).WithName(nameof(CreateBackup))
            .WithSummary("Back up the data folder")
            .WithDescription("Copies the grain state (SQLite online backup) and the embedded engine's indexes (their last commits) to `{DataPath}/backups/{timestamp}` while the platform keeps serving, and answers 201 with that folder. Restore: stop, use the folder as the data folder, start. Not available in cluster mode (`feature_not_enabled`).");
        return group;
    }

    public static async Task<Created<BackupView>> CreateBackup(HttpContext context, CancellationToken cancellationToken)
    {
        var backups = context.RequestServices.GetService<IBackupService>()
            ?? throw new ApiError(ErrorCodes.FeatureNotEnabled,
                "Backups through `POST /backups` need a single-process platform (SQLite state). A cluster is backed up in Redis and the search engine: see docs/operations.md#backup-and-restore.");
        var result = await backups.CreateAsync(cancellationToken);
        return TypedResults.Created((string?)null, new BackupView(result.Path, result.Indexes, result.EngineIncluded,
            Rfc3339.Format(result.StartedAt), Rfc3339.Format(result.FinishedAt)));
    }
}

/// <summary>The answer of <c>POST /backups</c>.</summary>
internal sealed record BackupView(string Path, IReadOnlyList<string> Indexes, bool EngineIncluded, string StartedAt, string FinishedAt);
