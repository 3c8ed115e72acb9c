using Platform.Silo.Hosting;

namespace Platform.Silo.Tests.Deploy;

/// <summary><c>Platform:Cluster:Kubernetes</c> is refused where Orleans' integration could not work as deployed.</summary>
public sealed class KubernetesOptionValidationTests
{
    private static PlatformOptions Options(string? redis, string advertised) => new()
    {
        MasterKey = "a-master-key-of-enough-bytes",
        Cluster = new PlatformClusterOptions { Kubernetes = true, Redis = redis, AdvertisedAddress = advertised },
    };

    [Fact]
    public void Without_redis_it_is_refused_naming_both_keys()
    {
        var result = new PlatformOptionsValidator().Validate(null, Options(redis: null, advertised: "10.1.2.3"));
        Assert.True(result.Failed);
        Assert.Contains("Platform:Cluster:Kubernetes needs Platform:Cluster:Redis", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void With_a_loopback_address_it_is_refused_naming_the_pod_ip()
    {
        var result = new PlatformOptionsValidator().Validate(null, Options(redis: "redis:6379", advertised: "127.0.0.1"));
        Assert.True(result.Failed);
        Assert.Contains("Platform:Cluster:AdvertisedAddress set to the pod IP", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void With_redis_and_the_pod_ip_it_is_accepted()
    {
        Assert.True(new PlatformOptionsValidator().Validate(null, Options(redis: "redis:6379", advertised: "10.1.2.3")).Succeeded);
    }
}
