using System.ComponentModel.DataAnnotations;

namespace Platform.Api;

/// <summary>Settings of the HTTP surface, bound from <c>Platform:Api</c>.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Platform:Api";

    /// <summary>
    /// The reserved document attribute that carries the owning tenant (api.md §1). Always filterable, never
    /// displayed, never settable by clients. Default <c>_tenant</c>. Changing it on existing data orphans documents.
    /// </summary>
    [Required, RegularExpression("^_[a-zA-Z0-9_]{1,63}$")]
    public string IsolationAttribute { get; set; } = "_tenant";
}
