using System.Reflection;

namespace Platform.Grains.Tests.Serialization;

/// <summary>
/// Every type that crosses a grain interface of Platform.Grains.Abstractions: parameters and results of every method
/// (Task/ValueTask unwrapped), generic arguments and array elements, the [Id] members of Orleans-generated types, the
/// concrete subtypes of abstract platform types (a filter tree crosses as its concrete nodes), and the assembly's
/// exceptions (thrown across calls).
/// </summary>
internal static class GrainContractTypes
{
    public static Assembly Abstractions => typeof(Platform.Grains.Tenants.ITenantGrain).Assembly;

    /// <summary>Each grain interface with the methods it exposes, inherited ones included.</summary>
    public static IEnumerable<(Type Interface, MethodInfo Method)> GrainMethods() =>
        from grain in Abstractions.GetTypes()
        where grain.IsInterface && typeof(IAddressable).IsAssignableFrom(grain)
        from contract in grain.GetInterfaces().Append(grain)
        where !IsOrleans(contract)
        from method in contract.GetMethods()
        select (grain, method);

    /// <summary>The closed types reachable from the grain methods, each with the first place it was seen.</summary>
    public static IReadOnlyDictionary<Type, string> Collect()
    {
        var seen = new Dictionary<Type, string>();
        foreach (var (grain, method) in GrainMethods())
        {
            var where = $"{grain.Name}.{method.Name}";
            foreach (var parameter in method.GetParameters())
            {
                Visit(parameter.ParameterType, $"{where}({parameter.Name})", seen);
            }

            Visit(Unwrap(method.ReturnType), $"{where} result", seen);
        }

        foreach (var exception in Abstractions.GetTypes().Where(t => typeof(Exception).IsAssignableFrom(t) && !t.IsAbstract))
        {
            Visit(exception, "thrown by grains", seen);
        }

        return seen;
    }

    private static Type? Unwrap(Type type) =>
        type == typeof(void) || type == typeof(Task) || type == typeof(ValueTask) ? null
        : type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>))
            ? type.GenericTypeArguments[0]
            : type;

    private static void Visit(Type? type, string where, Dictionary<Type, string> seen)
    {
        if (type is null || type == typeof(CancellationToken) || type.IsGenericParameter || !seen.TryAdd(type, where))
        {
            return;
        }

        if (type.IsArray)
        {
            Visit(type.GetElementType(), where, seen);
        }

        foreach (var argument in type.GenericTypeArguments)
        {
            Visit(argument, where, seen);
        }

        if (!IsPlatform(type))
        {
            return;
        }

        // Orleans writes generated types member by member, so their members cross too. Types Orleans hands to
        // System.Text.Json are written whole by it; a sample round trip covers their members.
        if (type.GetCustomAttribute<GenerateSerializerAttribute>() is not null)
        {
            const BindingFlags Members = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
            foreach (var property in type.GetProperties(Members).Where(p => p.GetCustomAttribute<IdAttribute>() is not null))
            {
                Visit(property.PropertyType, $"{type.Name}.{property.Name}", seen);
            }

            foreach (var field in type.GetFields(Members).Where(f => f.GetCustomAttribute<IdAttribute>() is not null))
            {
                Visit(field.FieldType, $"{type.Name}.{field.Name}", seen);
            }
        }

        if (type.IsAbstract && !type.IsInterface)
        {
            foreach (var concrete in type.Assembly.GetTypes().Where(t => !t.IsAbstract && type.IsAssignableFrom(t)))
            {
                Visit(concrete, $"{where} as {concrete.Name}", seen);
            }
        }
    }

    public static bool IsPlatform(Type type) => type.Namespace?.StartsWith("Platform.", StringComparison.Ordinal) == true;

    private static bool IsOrleans(Type type) => type.Namespace?.StartsWith("Orleans", StringComparison.Ordinal) == true;
}
