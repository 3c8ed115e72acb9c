namespace Platform.Search.Engine;

/// <summary>
/// The isolation attribute (docs/rules-and-filters.md#how-isolation-is-fused): the reserved document attribute carrying the owning tenant. Fixed rather
/// than configurable, because changing it on stored data would orphan every document.
/// </summary>
public static class Isolation
{
    public const string Attribute = SearchEngineErrors.TenantAttribute;
}
