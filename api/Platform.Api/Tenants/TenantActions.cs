using System.Collections.Frozen;

namespace Platform.Api.Tenants;

/// <summary>
/// The actions a tenant key may hold (docs/api-reference.md#authentication): Meilisearch's tenant-facing actions plus the platform's own.
/// Meilisearch's operator actions are known but refused, so a typo and a privilege grab get different messages.
/// </summary>
internal static class TenantActions
{
    public const string All = "*";
    public const string Search = "search";
    public const string DocumentsAll = "documents.*";
    public const string DocumentsAdd = "documents.add";
    public const string DocumentsGet = "documents.get";
    public const string DocumentsDelete = "documents.delete";
    public const string TasksGet = "tasks.get";
    public const string TokensCreate = "tokens.create";
    public const string UsageGet = "usage.get";

    /// <summary>In the order error messages list them.</summary>
    public static readonly IReadOnlyList<string> Allowed =
        [All, Search, DocumentsAll, DocumentsAdd, DocumentsGet, DocumentsDelete, TasksGet, TokensCreate, UsageGet];

    private static readonly FrozenSet<string> AllowedSet = Allowed.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Meilisearch's actions that only make sense for the operator.</summary>
    public static readonly FrozenSet<string> OperatorOnly = new[]
    {
        "indexes.*", "indexes.create", "indexes.get", "indexes.update", "indexes.delete", "indexes.swap",
        "indexes.compact", "tasks.*", "tasks.cancel", "tasks.delete", "settings.*", "settings.get", "settings.update",
        "stats.*", "stats.get", "metrics.*", "metrics.get", "dumps.*", "dumps.create", "snapshots.*",
        "snapshots.create", "version", "keys.create", "keys.get", "keys.update", "keys.delete", "experimental.get",
        "experimental.update", "export", "network.get", "network.update", "chatCompletions", "chats.*", "chats.get",
        "chats.delete", "chatsSettings.*", "chatsSettings.get", "chatsSettings.update", "*.get", "webhooks.get",
        "webhooks.update", "webhooks.delete", "webhooks.create", "webhooks.*", "fields.post",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsAllowed(string action) => AllowedSet.Contains(action);

    /// <summary>True when a key holding <paramref name="held"/> may perform <paramref name="action"/>.</summary>
    public static bool Grants(IReadOnlyList<string> held, string action)
    {
        foreach (var granted in held)
        {
            if (granted == All || granted == action) return true;
            if (granted == DocumentsAll && action.StartsWith("documents.", StringComparison.Ordinal)) return true;
        }

        return false;
    }
}
