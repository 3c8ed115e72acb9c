using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Platform.Search.Keys;
using Platform.Silo.Hosting.Refusals;

namespace Platform.Silo.Hosting;

/// <summary>
/// Registers <c>Platform:*</c> (<see cref="PlatformOptions"/>), resolves the master key and sets the listening
/// address. The host needs those values before its container exists, so they are read early through the same
/// registration and validator; a bad setting stops the process before anything starts, with a message naming the key.
/// It also refuses what would lose data (docs/operations.md, "Start-up refusals"): unknown <c>Platform:*</c> keys,
/// cluster mode on the embedded engine, a data folder or port another process holds.
/// </summary>
public static class PlatformHostingExtensions
{
    /// <summary>The environment variable the master key may come from when <c>Platform:MasterKey</c> is unset.</summary>
    public const string MasterKeyVariable = "PLATFORM_MASTER_KEY";

    public static PlatformOptions AddPlatformHosting(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        UnknownKeyRefusal.ThrowIfAny(builder.Configuration);
        builder.Services.AddPlatformOptions();
        var options = EarlyOptions.Resolve<PlatformOptions>(builder.Configuration, services => services.AddPlatformOptions());
        ClusterEngineRefusal.ThrowIfEmbeddedInCluster(builder.Configuration, options);
        var folderLock = TakeOwnHostResources(options);
        builder.Services.AddHostedService(_ => folderLock);

        var (masterKey, generatedAt) = MasterKeyStore.Resolve(options);
        builder.Services.AddSingleton(new ApiKeySecrets(masterKey));
        builder.Services.AddSingleton(TimeProvider.System);
        if (generatedAt is not null)
        {
            builder.Services.AddHostedService(sp => new MasterKeyAnnouncer(generatedAt, sp.GetRequiredService<ILogger<MasterKeyAnnouncer>>()));
        }

        builder.WebHost.UseUrls(options.Listen);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = options.MaxPayloadBytes);
        return options;
    }

    /// <summary>
    /// Locks the data folder, then checks the ports (a second process started with the same command line is told
    /// about the folder and its holder first). Before anything writes to the folder or listens.
    /// </summary>
    private static DataFolderLock TakeOwnHostResources(PlatformOptions options)
    {
        var folderLock = DataFolderLock.Acquire(options.DataPath);
        try
        {
            PortsInUseRefusal.ThrowIfAnyInUse(options);
            return folderLock;
        }
        catch
        {
            folderLock.Dispose();
            throw;
        }
    }

    /// <summary>Binds <see cref="PlatformOptions"/> (master key falling back to <see cref="MasterKeyVariable"/>) and validates it at start-up.</summary>
    public static OptionsBuilder<PlatformOptions> AddPlatformOptions(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PlatformOptions>, PlatformOptionsValidator>());
        return services.AddOptions<PlatformOptions>()
            .BindConfiguration(PlatformOptions.SectionName)
            .PostConfigure<IConfiguration>((options, configuration) =>
            {
                if (string.IsNullOrEmpty(options.MasterKey) && configuration[MasterKeyVariable] is { Length: > 0 } fromEnvironment)
                {
                    options.MasterKey = fromEnvironment;
                }
            })
            .ValidateOnStart();
    }
}
