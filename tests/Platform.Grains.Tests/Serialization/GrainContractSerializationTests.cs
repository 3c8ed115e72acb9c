using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Platform.Grains.Serialization;
using Platform.Grains.Tenants;
using Platform.Search.Engine;
using Platform.Search.Filters;

namespace Platform.Grains.Tests.Serialization;

/// <summary>
/// Every type crossing a grain interface can be serialized with the platform's serializer configuration (the one
/// every silo and client registers). <see cref="PlatformSerialization"/> lets whole namespaces through as JSON and
/// anything else needs Orleans' generated code, so a type missing from both would otherwise only fail at run time,
/// on the first call that carries it.
/// </summary>
public sealed class GrainContractSerializationTests
{
    private static readonly IServiceProvider Services =
        new ServiceCollection().AddSerializer(serializer => serializer.AddPlatformSerialization()).BuildServiceProvider();

    private static readonly IReadOnlyDictionary<Type, string> ContractTypes = GrainContractTypes.Collect();

    private static Serializer Serializer => Services.GetRequiredService<Serializer>();

    [Fact]
    public void The_scan_finds_the_grain_interfaces_and_what_they_carry()
    {
        Assert.Contains(GrainContractTypes.GrainMethods(), m => m.Interface == typeof(ITenantGrain) && m.Method.Name == nameof(ITenantGrain.Search));
        Assert.Contains(typeof(TenantSnapshot), ContractTypes.Keys);
        Assert.Contains(typeof(SearchRequest), ContractTypes.Keys);
        Assert.Contains(typeof(ComparisonFilter), ContractTypes.Keys); // a concrete node of the FilterExpression parameter
        Assert.Contains(typeof(Errors.PlatformException), ContractTypes.Keys);
    }

    [Fact]
    public void Every_type_crossing_a_grain_interface_has_a_codec_and_a_deep_copier()
    {
        var codecs = Services.GetRequiredService<ICodecProvider>();
        var missing = ContractTypes
            .Where(t => !Serializer.CanSerialize(t.Key) || codecs.TryGetDeepCopier(t.Key) is null)
            .Select(t => $"{t.Key} (seen at {t.Value})")
            .ToList();
        Assert.True(missing.Count == 0, "Not serializable under the platform's configuration:\n" + string.Join('\n', missing));
    }

    [Fact]
    public void Every_platform_contract_type_that_can_be_built_round_trips_and_deep_copies()
    {
        var copier = Services.GetRequiredService<DeepCopier>();
        var failures = new List<string>();
        var checkedTypes = 0;
        foreach (var (type, where) in ContractTypes.Where(t => GrainContractTypes.IsPlatform(t.Key) || t.Key.Namespace == "System.Text.Json.Nodes"))
        {
            if (SampleValues.Create(type) is not { } sample) continue;
            checkedTypes++;
            try
            {
                var copy = RoundTripMethod.MakeGenericMethod(type).Invoke(null, [sample]);
                var deepCopy = copier.Copy<object>(sample);
                if (!SameValue(sample, copy) || !SameValue(sample, deepCopy)) failures.Add($"{type} (seen at {where}) changed in a round trip");
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                if (e is TargetInvocationException { InnerException: { } inner }) e = inner;
                failures.Add($"{type} (seen at {where}): {e.GetType().Name}: {e.Message}");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.True(checkedTypes >= 10, $"only {checkedTypes} contract types could be built as samples");
    }

    private static readonly MethodInfo RoundTripMethod =
        typeof(GrainContractSerializationTests).GetMethod(nameof(RoundTrip), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Written and read as the declared type, as a grain call does.</summary>
    private static T? RoundTrip<T>(T value) => Serializer.Deserialize<T>(Serializer.SerializeToArray(value));

    /// <summary>Same runtime type and the same JSON (exceptions: the same message), since records holding lists
    /// or JSON nodes do not compare by value.</summary>
    private static bool SameValue(object expected, object? actual) =>
        actual is not null && actual.GetType() == expected.GetType() && (expected is Exception e
            ? e.Message == ((Exception)actual).Message
            : JsonSerializer.Serialize(expected, expected.GetType()) == JsonSerializer.Serialize(actual, actual.GetType()));
}
