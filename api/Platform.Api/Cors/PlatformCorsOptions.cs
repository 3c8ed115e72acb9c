namespace Platform.Api.Cors;

/// <summary>
/// Which browser origins may call Meilisearch's routes (search, documents, indexes, settings, tasks, health,
/// version), bound from <c>Platform:Cors</c> and validated by <see cref="PlatformCorsOptionsValidator"/>. Operator
/// routes (<c>/tenants…</c>, <c>/metrics</c>, <c>/openapi…</c>) never answer CORS, whatever is set here.
/// </summary>
public sealed class PlatformCorsOptions
{
    public const string SectionName = "Platform:Cors";

    /// <summary>The wildcard origin: any origin, as Meilisearch answers.</summary>
    public const string AnyOrigin = "*";

    /// <summary>
    /// Allowed origins (<c>https://app.example.com</c>: scheme, host and port, no path), or <c>*</c> alone for any.
    /// Default: empty, which means <c>*</c> (Meilisearch's behaviour). The default is not written into the list
    /// because configuration binding appends to a list's initial items instead of replacing them.
    /// </summary>
    public IList<string> AllowedOrigins { get; set; } = [];

    public bool AllowsAnyOrigin => AllowedOrigins.Count == 0 || AllowedOrigins.Contains(AnyOrigin);
}
