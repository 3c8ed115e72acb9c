namespace Platform.Grains;

/// <summary>Names of the grain storage providers the grains use. Hosts register providers under these names.</summary>
public static class StorageNames
{
    /// <summary>Durable platform state: tenants, keys, indexes, tasks.</summary>
    public const string Platform = "platform";
}
