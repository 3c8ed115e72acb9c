using Orleans.Serialization;

namespace Platform.Grains.Serialization;

/// <summary>
/// Lets the search domain's types (engine requests and responses, filter trees, JSON documents) cross grain calls.
/// They carry no Orleans attributes on purpose (the domain has no Orleans in it), so Orleans serializes them with
/// System.Text.Json. Engine exceptions never cross: grains turn them into <see cref="Errors.PlatformException"/>.
/// Register on every silo and client.
/// </summary>
public static class PlatformSerialization
{
    private static readonly string[] Namespaces = ["Platform.Search.Engine", "Platform.Search.Filters", "System.Text.Json.Nodes"];

    /// <summary>Adds the platform's serializer configuration: JSON for the search-domain types that cross grain calls.</summary>
    public static ISerializerBuilder AddPlatformSerialization(this ISerializerBuilder builder) =>
        builder.AddJsonSerializer(isSupported: type =>
            type.Namespace is { } ns && Namespaces.Contains(ns) && !typeof(Exception).IsAssignableFrom(type));
}
