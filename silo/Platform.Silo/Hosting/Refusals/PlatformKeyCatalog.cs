using System.Collections;
using System.ComponentModel;
using System.Reflection;

namespace Platform.Silo.Hosting.Refusals;

/// <summary>
/// Every configuration key under <c>Platform:*</c> the process reads, derived by reflection from the options types
/// themselves so it cannot drift from them: each type in the platform's assemblies with a
/// <c>const string SectionName</c> under <c>Platform</c> (the one way options are declared, see CONTRIBUTING.md),
/// walked as the configuration binder walks it, plus the few keys read directly (<see cref="DirectKeys"/>).
/// </summary>
internal sealed class PlatformKeyCatalog
{
    private const string AssemblyPrefix = "Platform.";
    private const int MaxDepth = 8;

    /// <summary>Keys read straight from configuration rather than bound to an options type.</summary>
    private static readonly string[] DirectKeys = [SearchEngineExtensions.EngineKey];

    private readonly HashSet<string> _leaves = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _sections = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _openSections = new(StringComparer.OrdinalIgnoreCase);

    private PlatformKeyCatalog()
    {
    }

    /// <summary>The keys that hold a value (the candidates for a "did you mean").</summary>
    public IReadOnlyCollection<string> Leaves => _leaves;

    public static PlatformKeyCatalog FromOptionsTypes()
    {
        var catalog = new PlatformKeyCatalog();
        foreach (var type in PlatformAssemblies().SelectMany(LoadableTypes))
        {
            if (SectionOf(type) is { } section) catalog.AddType(section, type, depth: 0);
        }

        foreach (var key in DirectKeys) catalog.AddLeaf(key);
        return catalog;
    }

    /// <summary>
    /// Whether <paramref name="key"/> (a key that holds a value) is read: a known leaf, a section the binder walks
    /// into, or an entry of a list or dictionary option (<c>Platform:Cors:AllowedOrigins:0</c>).
    /// </summary>
    public bool IsKnown(string key)
    {
        if (_leaves.Contains(key) || _sections.Contains(key)) return true;
        for (var end = key.LastIndexOf(':'); end > 0; end = key.LastIndexOf(':', end - 1))
        {
            if (_openSections.Contains(key[..end])) return true;
        }

        return false;
    }

    private static string? SectionOf(Type type) =>
        type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field
        && field.GetRawConstantValue() is string section
        && (section == PlatformOptions.SectionName || section.StartsWith(PlatformOptions.SectionName + ":", StringComparison.Ordinal))
            ? section
            : null;

    /// <summary>This assembly and every <c>Platform.*</c> assembly it references, directly or not.</summary>
    private static IEnumerable<Assembly> PlatformAssemblies()
    {
        var seen = new Dictionary<string, Assembly>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>([typeof(PlatformKeyCatalog).Assembly]);
        while (pending.TryPop(out var assembly))
        {
            if (!seen.TryAdd(assembly.GetName().Name!, assembly)) continue;
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (reference.Name?.StartsWith(AssemblyPrefix, StringComparison.Ordinal) == true) pending.Push(Assembly.Load(reference));
            }
        }

        return seen.Values;
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException partial)
        {
            return partial.Types.OfType<Type>();
        }
    }

    private void AddType(string path, Type type, int depth)
    {
        _sections.Add(path);
        AddParents(path);
        if (depth > MaxDepth) return;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod?.IsPublic != true) continue;
            var key = $"{path}:{property.Name}";
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var settable = property.SetMethod?.IsPublic == true;
            if (IsScalar(propertyType))
            {
                // A get-only scalar is computed (e.g. IsProduction): the binder never sets it.
                if (settable) AddLeaf(key);
            }
            else if (typeof(IEnumerable).IsAssignableFrom(propertyType))
            {
                AddLeaf(key);
                _openSections.Add(key);
            }
            else
            {
                AddType(key, propertyType, depth + 1);
            }
        }
    }

    /// <summary>What the binder sets from a single string: primitives, strings, enums, TimeSpan, Uri, Guid…</summary>
    private static bool IsScalar(Type type) => TypeDescriptor.GetConverter(type).CanConvertFrom(typeof(string));

    private void AddLeaf(string key)
    {
        _leaves.Add(key);
        AddParents(key);
    }

    private void AddParents(string key)
    {
        for (var end = key.LastIndexOf(':'); end > 0; end = key.LastIndexOf(':', end - 1)) _sections.Add(key[..end]);
    }
}
