using Platform.Search.Engine;

namespace Platform.Search.Embedded.Results;

/// <summary>
/// Meilisearch's error messages list only attribute names that are displayed, and say when some were left out, so an
/// error cannot reveal an attribute that <c>displayedAttributes</c> hides.
/// </summary>
internal static class DisplayedNames
{
    public static (List<string> Visible, bool Hidden) Split(IReadOnlyList<string> names, IndexSettings settings)
    {
        var all = settings.DisplayedAttributes.Contains("*");
        var visible = names.Where(n => all || settings.DisplayedAttributes.Contains(n)).ToList();
        return (visible, visible.Count < names.Count);
    }
}
