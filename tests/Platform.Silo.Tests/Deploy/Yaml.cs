using System.Globalization;

namespace Platform.Silo.Tests.Deploy;

/// <summary>
/// A read-only view over a deserialized YAML value (maps, sequences, scalars as strings) for assertions: a missing key
/// reads as an absent node rather than throwing, so a test can assert <see cref="Exists"/> and name what is missing.
/// </summary>
public readonly record struct Yaml(object? Value)
{
    public bool Exists => Value is not null;

    public Yaml this[string key] =>
        Value is IDictionary<object, object?> map && map.TryGetValue(key, out var child) ? new Yaml(child) : default;

    public Yaml this[int index] => Value is IList<object?> list && index < list.Count ? new Yaml(list[index]) : default;

    public IReadOnlyList<Yaml> Items => Value is IList<object?> list ? [.. list.Select(v => new Yaml(v))] : [];

    /// <summary>The entries of a map, keys as strings.</summary>
    public IReadOnlyList<KeyValuePair<string, Yaml>> Entries => Value is IDictionary<object, object?> map
        ? [.. map.Select(p => new KeyValuePair<string, Yaml>(p.Key.ToString()!, new Yaml(p.Value)))]
        : [];

    public IReadOnlyDictionary<string, string> StringMap =>
        Entries.Where(e => e.Value.Value is string).ToDictionary(e => e.Key, e => e.Value.String!, StringComparer.Ordinal);

    public string? String => Value as string;

    public int Int => int.Parse(String ?? throw new InvalidOperationException("not a scalar"), CultureInfo.InvariantCulture);

    public override string ToString() => Value?.ToString() ?? "(absent)";
}
