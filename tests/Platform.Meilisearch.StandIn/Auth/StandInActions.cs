namespace Platform.Meilisearch.StandIn.Auth;

/// <summary>The Meilisearch actions the stand-in's routes require (Meilisearch's key <c>actions</c> names).</summary>
internal static class StandInActions
{
    public const string Search = "search";
    public const string DocumentsAdd = "documents.add";
    public const string DocumentsGet = "documents.get";
    public const string DocumentsDelete = "documents.delete";
    public const string IndexesCreate = "indexes.create";
    public const string IndexesGet = "indexes.get";
    public const string IndexesUpdate = "indexes.update";
    public const string IndexesDelete = "indexes.delete";
    public const string SettingsGet = "settings.get";
    public const string SettingsUpdate = "settings.update";
    public const string TasksGet = "tasks.get";
    public const string KeysGet = "keys.get";
    public const string KeysCreate = "keys.create";
    public const string KeysUpdate = "keys.update";
    public const string KeysDelete = "keys.delete";
    public const string Version = "version";
    public const string StatsGet = "stats.get";

    /// <summary>Every action a key may hold, as Meilisearch accepts them in <c>POST /keys</c>.</summary>
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "*", Search, "documents.*", DocumentsAdd, DocumentsGet, DocumentsDelete, "indexes.*", IndexesCreate, IndexesGet,
        IndexesUpdate, IndexesDelete, "indexes.swap", "tasks.*", "tasks.cancel", "tasks.delete", TasksGet, "settings.*",
        SettingsGet, SettingsUpdate, "stats.*", StatsGet, "metrics.*", "metrics.get", "dumps.*", "dumps.create",
        "snapshots.*", "snapshots.create", Version, KeysCreate, KeysGet, KeysUpdate, KeysDelete, "experimental.get",
        "experimental.update", "network.get", "network.update", "*.get",
    };
}
