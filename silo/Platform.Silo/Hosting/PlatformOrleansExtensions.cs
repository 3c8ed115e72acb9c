using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;
using Platform.Api.Backups;
using Platform.Grains;
using Platform.Grains.Serialization;
using Platform.Silo.Storage;

namespace Platform.Silo.Hosting;

/// <summary>Configures the co-hosted Orleans silo from <see cref="PlatformOptions"/>: embedded or Redis (optionally on Kubernetes).</summary>
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
                var redisOptions = RedisConnection.Options(redis);
                silo.BindEndpoints(SiloEndpoints.ListeningAddress(options), cluster.SiloPort, cluster.GatewayPort);
                silo.UseRedisClustering(o => o.ConfigurationOptions = redisOptions);
                if (cluster.Kubernetes)
                {
                    // Silo name from POD_NAME, pod watching and labels; not membership (Redis keeps it). The advertised
                    // address is already set above (the pod IP, via Platform:Cluster:AdvertisedAddress), so the
                    // integration's own wildcard listening endpoint never applies. See docs/operations.md.
                    silo.UseKubernetesHosting();
                }

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
                silo.BindEndpoints(SiloEndpoints.ListeningAddress(options), cluster.SiloPort, cluster.GatewayPort);
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
