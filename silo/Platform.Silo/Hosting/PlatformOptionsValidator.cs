using System.Net;
using System.Text;
using Microsoft.Extensions.Options;

namespace Platform.Silo.Hosting;

/// <summary>Collects every configuration error, each naming its key, so one start shows them all.</summary>
public sealed class PlatformOptionsValidator : IValidateOptions<PlatformOptions>
{
    public const int MinimumMasterKeyBytes = 16;

    public ValidateOptionsResult Validate(string? name, PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (!options.IsProduction && !string.Equals(options.Environment, "development", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"Platform:Environment must be `development` or `production`, not `{options.Environment}`.");
        }

        var keyBytes = options.MasterKey is null ? 0 : Encoding.UTF8.GetByteCount(options.MasterKey);
        if (options.IsProduction && keyBytes < MinimumMasterKeyBytes)
        {
            errors.Add(options.MasterKey is null
                ? "Platform:MasterKey (or PLATFORM_MASTER_KEY) is required when Platform:Environment is `production`."
                : $"Platform:MasterKey must be at least {MinimumMasterKeyBytes} bytes in production; it has {keyBytes}.");
        }

        if (options.MasterKey is { Length: 0 })
        {
            errors.Add("Platform:MasterKey is set but empty.");
        }

        if (options.Cluster.Redis is not null && options.MasterKey is null)
        {
            errors.Add("Platform:MasterKey is required when Platform:Cluster:Redis is set: every silo must derive the same key values.");
        }

        if (string.IsNullOrWhiteSpace(options.DataPath)) errors.Add("Platform:DataPath must not be empty.");

        if (!Uri.TryCreate(options.Listen, UriKind.Absolute, out var listen) || listen.Scheme is not ("http" or "https"))
        {
            errors.Add($"Platform:Listen must be an absolute http(s) URL such as http://127.0.0.1:7700, not `{options.Listen}`.");
        }

        if (options.MaxPayloadBytes < 1) errors.Add($"Platform:MaxPayloadBytes must be positive, not {options.MaxPayloadBytes}.");

        var cluster = options.Cluster;
        if (cluster.Redis is { Length: 0 }) errors.Add("Platform:Cluster:Redis is set but empty.");
        if (string.IsNullOrWhiteSpace(cluster.ServiceId)) errors.Add("Platform:Cluster:ServiceId must not be empty.");
        if (string.IsNullOrWhiteSpace(cluster.ClusterId)) errors.Add("Platform:Cluster:ClusterId must not be empty.");
        if (cluster.SiloPort is < 1 or > 65535) errors.Add($"Platform:Cluster:SiloPort must be 1-65535, not {cluster.SiloPort}.");
        if (cluster.GatewayPort is < 0 or > 65535) errors.Add($"Platform:Cluster:GatewayPort must be 0-65535, not {cluster.GatewayPort}.");
        if (!IPAddress.TryParse(cluster.AdvertisedAddress, out var advertised))
        {
            errors.Add($"Platform:Cluster:AdvertisedAddress must be an IP address, not `{cluster.AdvertisedAddress}`.");
        }
        else if (advertised.Equals(IPAddress.Any) || advertised.Equals(IPAddress.IPv6Any))
        {
            // The silo port listens on this address only; a wildcard would open it on every interface.
            errors.Add($"Platform:Cluster:AdvertisedAddress must be this silo's own address, not the wildcard `{cluster.AdvertisedAddress}`.");
        }

        if (cluster.Kubernetes && cluster.Redis is null)
        {
            errors.Add("Platform:Cluster:Kubernetes needs Platform:Cluster:Redis: the Kubernetes integration names silos, it does not replace membership.");
        }
        else if (cluster.Kubernetes && advertised is not null && IPAddress.IsLoopback(advertised))
        {
            errors.Add("Platform:Cluster:Kubernetes needs Platform:Cluster:AdvertisedAddress set to the pod IP (downward API status.podIP), not loopback.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
