using Microsoft.Extensions.Options;
using Platform.Search.Keys;

namespace Platform.Silo.Hosting;

/// <summary>
/// Reads and validates <c>Platform:*</c> before anything starts (a bad setting stops the process with a message
/// that names the key), resolves the master key and sets the listening address.
/// </summary>
public static class PlatformHostingExtensions
{
    public static PlatformOptions AddPlatformHosting(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Configuration.GetSection(PlatformOptions.SectionName).Get<PlatformOptions>() ?? new PlatformOptions();
        if (string.IsNullOrEmpty(options.MasterKey) && builder.Configuration["PLATFORM_MASTER_KEY"] is { Length: > 0 } fromEnvironment)
        {
            options.MasterKey = fromEnvironment;
        }

        var result = new PlatformOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(PlatformOptions.SectionName, typeof(PlatformOptions), result.Failures);
        }

        var (masterKey, generatedAt) = MasterKeyStore.Resolve(options);
        builder.Services.AddSingleton(Options.Create(options));
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
}
