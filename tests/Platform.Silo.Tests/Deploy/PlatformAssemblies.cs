using System.Reflection;
using Platform.Silo.Hosting;

namespace Platform.Silo.Tests.Deploy;

/// <summary>The host's assembly and every <c>Platform.*</c> assembly it references, transitively.</summary>
public static class PlatformAssemblies
{
    public static IReadOnlyList<Assembly> All { get; } = Load();

    public static IEnumerable<Type> Types => All.SelectMany(SafeTypes);

    private static Assembly[] Load()
    {
        var seen = new Dictionary<string, Assembly>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>([typeof(PlatformOptions).Assembly]);
        while (pending.TryPop(out var assembly))
        {
            if (!seen.TryAdd(assembly.GetName().Name!, assembly)) continue;
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (reference.Name!.StartsWith("Platform.", StringComparison.Ordinal)) pending.Push(Assembly.Load(reference));
            }
        }

        return [.. seen.Values];
    }

    private static Type[] SafeTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return [.. e.Types.OfType<Type>()];
        }
    }
}
