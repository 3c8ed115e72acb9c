using Orleans.Hosting.Kubernetes;
using Platform.Silo.Hosting;

namespace Platform.Silo.Tests.Deploy;

/// <summary>
/// What the silos need from Kubernetes: Orleans' hosting integration (pod identity from the downward API, the labels
/// and permissions it uses), keys from Secrets only, and Redis and Meilisearch on persistent volumes.
/// </summary>
public sealed class KubernetesHostingManifestTests
{
    private static IReadOnlyDictionary<string, Yaml> SiloEnv => KubernetesManifests.Env(KubernetesManifests.SiloContainer);

    [Fact]
    public void Silos_use_the_kubernetes_integration_with_their_pod_identity()
    {
        Assert.Equal("true", SiloEnv[$"Platform__Cluster__{nameof(PlatformClusterOptions.Kubernetes)}"]["value"].String);
        AssertFieldRef(KubernetesHostingOptions.PodNameEnvironmentVariable, "metadata.name");
        AssertFieldRef(KubernetesHostingOptions.PodNamespaceEnvironmentVariable, "metadata.namespace");
        AssertFieldRef(KubernetesHostingOptions.PodIPEnvironmentVariable, "status.podIP");
        // The silo advertises (and binds its silo port to) the pod IP, never a Service address or a wildcard.
        AssertFieldRef($"Platform__Cluster__{nameof(PlatformClusterOptions.AdvertisedAddress)}", "status.podIP");
    }

    [Fact]
    public void Pod_labels_carry_the_service_and_cluster_ids_the_silos_use()
    {
        var labels = KubernetesManifests.SiloDeployment["spec"]["template"]["metadata"]["labels"].StringMap;
        var defaults = new PlatformClusterOptions();
        Assert.Equal(Configured(nameof(PlatformClusterOptions.ServiceId)) ?? defaults.ServiceId, labels[KubernetesHostingOptions.ServiceIdLabel]);
        Assert.Equal(Configured(nameof(PlatformClusterOptions.ClusterId)) ?? defaults.ClusterId, labels[KubernetesHostingOptions.ClusterIdLabel]);
        // Orleans' own variables would override Platform:Cluster:* silently; the manifests use only the latter.
        Assert.False(SiloEnv.ContainsKey(KubernetesHostingOptions.ServiceIdEnvironmentVariable));
        Assert.False(SiloEnv.ContainsKey(KubernetesHostingOptions.ClusterIdEnvironmentVariable));
    }

    [Fact]
    public void The_silo_service_account_may_read_watch_and_label_pods()
    {
        var pod = KubernetesManifests.SiloDeployment["spec"]["template"]["spec"];
        var account = pod["serviceAccountName"].String!;
        KubernetesManifests.Get("ServiceAccount", account);
        var binding = Assert.Single(KubernetesManifests.OfKind("RoleBinding"),
            b => b["subjects"].Items.Any(s => s["kind"].String == "ServiceAccount" && s["name"].String == account));
        var role = KubernetesManifests.Get("Role", binding["roleRef"]["name"].String!);
        var rule = Assert.Single(role["rules"].Items, r => r["resources"].Items.Any(x => x.String == "pods"));
        Assert.Equal(["get", "list", "patch", "watch"], rule["verbs"].Items.Select(v => v.String!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Keys_come_from_secrets_that_exist_and_hold_only_placeholders()
    {
        foreach (var container in KubernetesManifests.Containers)
        {
            foreach (var (name, entry) in KubernetesManifests.Env(container).Where(e => e.Key.Contains("KEY", StringComparison.OrdinalIgnoreCase)))
            {
                Assert.False(entry["value"].Exists, $"{name} is written in the manifest");
                var reference = entry["valueFrom"]["secretKeyRef"];
                var secret = KubernetesManifests.Get("Secret", reference["name"].String!);
                var placeholder = secret["stringData"][reference["key"].String!].String;
                Assert.True(placeholder is not null, $"{name}: the secret has no `{reference["key"]}`");
                Assert.True(placeholder.Length < PlatformOptionsValidator.MinimumMasterKeyBytes, $"{name}: the secret holds a usable key");
            }
        }

        Assert.True(SiloEnv.ContainsKey(PlatformHostingExtensions.MasterKeyVariable), "the silos get no master key");
    }

    [Theory]
    [InlineData("redis", "/data")]
    [InlineData("meilisearch", "/meili_data")]
    public void Stores_keep_their_data_on_persistent_volumes(string name, string path)
    {
        var statefulSet = KubernetesManifests.Get("StatefulSet", name);
        var claim = Assert.Single(statefulSet["spec"]["volumeClaimTemplates"].Items)["metadata"]["name"].String;
        var container = Assert.Single(statefulSet["spec"]["template"]["spec"]["containers"].Items);
        Assert.Contains(container["volumeMounts"].Items, m => m["name"].String == claim && m["mountPath"].String == path);
    }

    [Fact]
    public void Redis_keeps_an_append_only_file_in_its_volume()
    {
        var container = Assert.Single(KubernetesManifests.Get("StatefulSet", "redis")["spec"]["template"]["spec"]["containers"].Items);
        var args = container["args"].Items.Select(a => a.String).ToList();
        Assert.Equal("yes", args[args.IndexOf("--appendonly") + 1]);
        Assert.Equal("/data", args[args.IndexOf("--dir") + 1]);
    }

    private static string? Configured(string clusterOption) =>
        SiloEnv.TryGetValue($"Platform__Cluster__{clusterOption}", out var entry) ? entry["value"].String : null;

    private static void AssertFieldRef(string variable, string field)
    {
        Assert.True(SiloEnv.TryGetValue(variable, out var entry), $"the silo has no {variable}");
        Assert.Equal(field, entry["valueFrom"]["fieldRef"]["fieldPath"].String);
    }
}
