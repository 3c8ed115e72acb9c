using System.Net;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;
using Platform.Api.Backups;
using Platform.Grains;
using Platform.Grains.Serialization;
using Platform.Silo.Storage;
using StackExchange.Redis;

namespace Platform.Silo.Hosting;

/// <summary>Configures the co-hosted Orleans silo from <see cref="PlatformOptions"/>: embedded or Redis.</summary>
public static class PlatformOrleansExtensions
{
    public const string DatabaseFileName = "platform.db";

    public static IHostApplicationBuilder AddPlatformOrleans(this IHostApplicationBuilder builder, PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        var cluster = options.Cluster;

        // One serializer for both providers: plain System.Text.Json, no type names, so stored state survives renames.
        var serializer = new SystemTextJsonGrainStorageSerializer(Options.Create(new SystemTextJsonGrainStorageSerializerOptions()));

        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ServiceId = cluster.ServiceId;
                o.ClusterId = cluster.ClusterId;
            });
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));
            silo.AddActivityPropagation();
            silo.Services.AddSerializer(serialization => serialization.AddPlatformSerialization());

            if (cluster.Redis is { } redis)
            {
                var redisOptions = ConfigurationOptions.Parse(redis);
                silo.BindEndpoints(IPAddress.Parse(cluster.AdvertisedAddress), cluster.SiloPort, cluster.GatewayPort);
                silo.UseRedisClustering(o => o.ConfigurationOptions = redisOptions);
                silo.AddRedisGrainStorage(StorageNames.Platform, o =>
                {
                    o.ConfigurationOptions = redisOptions;
                    o.GrainStorageSerializer = serializer;
                });
                // Faster failure detection than the defaults, so a dead silo's grains move within seconds.
                silo.Configure<ClusterMembershipOptions>(o =>
                {
                    o.ProbeTimeout = TimeSpan.FromSeconds(2);
                    o.NumMissedProbesLimit = 2;
                    o.NumVotesForDeathDeclaration = 1;
                    o.TableRefreshTimeout = TimeSpan.FromSeconds(5);
                });
            }
            else
            {
                silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort);
                silo.BindEndpoints(IPAddress.Loopback, cluster.SiloPort, cluster.GatewayPort);
                var database = Path.Combine(Path.GetFullPath(options.DataPath), DatabaseFileName);
                silo.Services.AddGrainStorage(StorageNames.Platform,
                    (_, _) => new SqliteGrainStorage(database, cluster.ServiceId, serializer));
                // One process owns its data folder: POST /backups copies it (docs/operations.md#backup-and-restore).
                silo.Services.AddSingleton<IBackupService, DataFolderBackup>();
            }
        });
        return builder;
    }
}
