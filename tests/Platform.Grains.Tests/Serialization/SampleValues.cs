using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;

namespace Platform.Grains.Tests.Serialization;

/// <summary>
/// Builds a filled-in instance of a contract type by reflection: simple values for primitives, one element per
/// collection, and constructors or init-only properties filled recursively. Null when a type cannot be built this way.
/// </summary>
internal static class SampleValues
{
    private const int MaxDepth = 5;

    public static object? Create(Type type, int depth = 0)
    {
        if (depth > MaxDepth) return null;
        if (Nullable.GetUnderlyingType(type) is { } underlying) return Create(underlying, depth);
        if (Simple(type) is { } simple) return simple;
        if (type.IsEnum) return Enum.GetValues(type).GetValue(Enum.GetValues(type).Length - 1);
        if (typeof(JsonNode).IsAssignableFrom(type)) return Json(type);
        if (type.IsArray) return Array(type.GetElementType()!, depth);
        if (type.IsGenericType && Collection(type, depth) is { } collection) return collection;
        return type.IsAbstract || type.IsInterface ? null : Construct(type, depth);
    }

    private static object? Simple(Type type) => Type.GetTypeCode(type) switch
    {
        TypeCode.String => "sample",
        TypeCode.Boolean => true,
        TypeCode.Double or TypeCode.Single or TypeCode.Decimal => Convert.ChangeType(1.5, type, CultureInfo.InvariantCulture),
        TypeCode.Int16 or TypeCode.Int32 or TypeCode.Int64 or TypeCode.UInt16 or TypeCode.UInt32 or TypeCode.UInt64
            or TypeCode.Byte or TypeCode.SByte when !type.IsEnum => Convert.ChangeType(7, type, CultureInfo.InvariantCulture),
        TypeCode.DateTime => new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc),
        _ when type == typeof(DateTimeOffset) => new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
        _ when type == typeof(TimeSpan) => TimeSpan.FromSeconds(90),
        _ when type == typeof(Guid) => new Guid("4a8b9a0e-0b7e-4c4f-9b62-3f1f3c3a2d10"),
        _ => null,
    };

    private static JsonNode Json(Type type) =>
        type == typeof(JsonArray) ? new JsonArray(1, "two") : new JsonObject { ["id"] = 1, ["title"] = "sample", ["tags"] = new JsonArray("a") };

    private static Array? Array(Type element, int depth)
    {
        var item = Create(element, depth + 1);
        if (item is null) return null;
        var array = System.Array.CreateInstance(element, 1);
        array.SetValue(item, 0);
        return array;
    }

    private static object? Collection(Type type, int depth)
    {
        var arguments = type.GenericTypeArguments;
        if (arguments.Length == 1 && type.IsAssignableFrom(typeof(List<>).MakeGenericType(arguments)))
        {
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(arguments))!;
            if (Create(arguments[0], depth + 1) is { } item) list.Add(item);
            return list;
        }

        if (arguments.Length == 2 && type.IsAssignableFrom(typeof(Dictionary<,>).MakeGenericType(arguments)))
        {
            var map = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(arguments))!;
            if (Create(arguments[0], depth + 1) is { } key) map[key] = Create(arguments[1], depth + 1);
            return map;
        }

        return null;
    }

    /// <summary>The widest public constructor, then every settable (or init-only) public property not yet set.</summary>
    private static object? Construct(Type type, int depth)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        if (constructor is null) return type.IsValueType ? Activator.CreateInstance(type) : null;
        var parameters = constructor.GetParameters();
        var values = parameters.Select(p => Create(p.ParameterType, depth + 1)).ToArray();
        if (values.Where((v, i) => v is null && !IsNullable(parameters[i])).Any()) return null;
        var instance = constructor.Invoke(values);
        var given = parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public))
        {
            if (property.SetMethod is not { IsPublic: true } || given.Contains(property.Name)) continue;
            if (Create(property.PropertyType, depth + 1) is { } value) property.SetValue(instance, value);
        }

        return instance;
    }

    private static bool IsNullable(ParameterInfo parameter) =>
        !parameter.ParameterType.IsValueType && new NullabilityInfoContext().Create(parameter).WriteState != NullabilityState.NotNull
        || Nullable.GetUnderlyingType(parameter.ParameterType) is not null;
}
