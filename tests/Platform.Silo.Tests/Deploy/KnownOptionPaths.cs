using System.Collections;
using System.Reflection;
using Platform.Silo.Hosting;

namespace Platform.Silo.Tests.Deploy;

/// <summary>
/// Every <c>Platform:*</c> configuration path the host binds, derived from the options types themselves: each public
/// class with a <c>const string SectionName</c> under <c>Platform</c> in the platform's assemblies, walked through its
/// settable properties and nested options objects, plus <see cref="SearchEngineExtensions.EngineKey"/> (read
/// directly, not bound). A deploy file's <c>Platform__…</c> key that is not here is a typo the host would ignore.
/// </summary>
public static class KnownOptionPaths
{
    // Declared before Paths: static initializers run in order, and Collect() reads this.
    private static readonly Type[] Types = [.. PlatformAssemblies.Types.Where(t => SectionOf(t) is not null)];
    private static readonly (HashSet<string> Leaves, HashSet<string> Lists) Paths = Collect();

    /// <summary>The options types found (for the sanity test).</summary>
    public static IReadOnlyList<Type> OptionsTypes => Types;

    public static IReadOnlyCollection<string> All => Paths.Leaves;

    /// <summary>Whether <paramref name="key"/> (<c>Platform:A:B</c> or the environment form <c>Platform__A__B</c>) is bound.</summary>
    public static bool IsKnown(string key)
    {
        var path = key.Replace("__", ":", StringComparison.Ordinal);
        if (Paths.Leaves.Contains(path)) return true;
        // A list element: Platform:Cors:AllowedOrigins:0.
        var last = path.LastIndexOf(':');
        return last > 0 && path[(last + 1)..].All(char.IsAsciiDigit) && Paths.Lists.Contains(path[..last]);
    }

    private static (HashSet<string>, HashSet<string>) Collect()
    {
        var leaves = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { SearchEngineExtensions.EngineKey };
        var lists = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in OptionsTypes) Walk(SectionOf(type)!, type, leaves, lists);
        return (leaves, lists);
    }

    private static void Walk(string prefix, Type type, HashSet<string> leaves, HashSet<string> lists)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is not { IsPublic: true } && !IsOptionsObject(property.PropertyType)) continue;
            var path = $"{prefix}:{property.Name}";
            if (IsOptionsObject(property.PropertyType))
            {
                Walk(path, property.PropertyType, leaves, lists);
            }
            else if (property.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(property.PropertyType))
            {
                lists.Add(path);
            }
            else
            {
                leaves.Add(path);
            }
        }
    }

    private static bool IsOptionsObject(Type type) =>
        type.IsClass && type != typeof(string) && type.Namespace?.StartsWith("Platform", StringComparison.Ordinal) == true;

    private static string? SectionOf(Type type) =>
        type.IsClass && type.IsPublic
        && type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field
        && field.GetRawConstantValue() is string section
        && (section == PlatformOptions.SectionName || section.StartsWith(PlatformOptions.SectionName + ":", StringComparison.Ordinal))
            ? section
            : null;
}
