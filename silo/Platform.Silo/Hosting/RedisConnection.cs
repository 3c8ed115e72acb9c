using StackExchange.Redis;

namespace Platform.Silo.Hosting;

/// <summary>
/// The StackExchange.Redis settings for clustering and grain storage: a silo keeps retrying Redis instead of failing,
/// so it can start before Redis and ride out a Redis restart (docs/operations.md#failover-measured).
/// </summary>
internal static class RedisConnection
{
    public static ConfigurationOptions Options(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        // The default (true outside Azure) makes the first connect throw when Redis is not up yet, and Orleans then
        // stops the silo; false keeps connecting in the background, and commands wait or time out meanwhile.
        options.AbortOnConnectFail = false;
        return options;
    }
}
