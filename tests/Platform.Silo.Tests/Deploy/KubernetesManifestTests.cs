using System.Globalization;
using Platform.Silo.Hosting;

namespace Platform.Silo.Tests.Deploy;

/// <summary>
/// deploy/kubernetes, parsed (no cluster here): schema-level fields, selectors that select, ports and probe paths
/// equal to what the host listens on and maps, and only real <c>Platform:*</c> settings.
/// </summary>
public sealed class KubernetesManifestTests
{
    private static readonly Dictionary<string, string> ApiVersions = new(StringComparer.Ordinal)
    {
        ["Namespace"] = "v1", ["Secret"] = "v1", ["Service"] = "v1", ["ServiceAccount"] = "v1",
        ["Deployment"] = "apps/v1", ["StatefulSet"] = "apps/v1", ["PodDisruptionBudget"] = "policy/v1",
        ["Role"] = "rbac.authorization.k8s.io/v1", ["RoleBinding"] = "rbac.authorization.k8s.io/v1",
    };

    [Fact]
    public void Every_document_has_a_known_kind_its_api_version_and_a_name()
    {
        Assert.NotEmpty(KubernetesManifests.All);
        foreach (var (file, document) in KubernetesManifests.All)
        {
            var kind = document["kind"].String;
            Assert.True(kind is not null && ApiVersions.ContainsKey(kind), $"{file}: unexpected kind `{kind}`");
            Assert.Equal(ApiVersions[kind], document["apiVersion"].String);
            Assert.False(string.IsNullOrEmpty(document["metadata"]["name"].String), $"{file}: a {kind} without a name");
        }
    }

    [Fact]
    public void The_kustomization_lists_every_manifest()
    {
        var kustomization = Assert.Single(DeployFiles.Documents(DeployFiles.Path("deploy/kubernetes/kustomization.yaml")));
        Assert.Equal("Kustomization", kustomization["kind"].String);
        var listed = kustomization["resources"].Items.Select(r => r.String!).Order(StringComparer.Ordinal);
        var files = KubernetesManifests.All.Select(m => m.File).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(files, listed);
    }

    [Fact]
    public void Workload_selectors_match_their_pod_labels_and_containers_declare_ports()
    {
        foreach (var workload in KubernetesManifests.OfKind("Deployment").Concat(KubernetesManifests.OfKind("StatefulSet")))
        {
            var name = workload["metadata"]["name"].String;
            var labels = workload["spec"]["template"]["metadata"]["labels"].StringMap;
            var selector = workload["spec"]["selector"]["matchLabels"].StringMap;
            Assert.True(selector.Count > 0 && selector.All(l => labels.GetValueOrDefault(l.Key) == l.Value), $"{name}: the selector does not select its pods");

            var pod = workload["spec"]["template"]["spec"];
            var volumes = pod["volumes"].Items.Select(v => v["name"].String)
                .Concat(workload["spec"]["volumeClaimTemplates"].Items.Select(v => v["metadata"]["name"].String)).ToHashSet();
            foreach (var container in pod["containers"].Items)
            {
                Assert.False(string.IsNullOrEmpty(container["name"].String) || string.IsNullOrEmpty(container["image"].String), $"{name}: a container lacks name or image");
                Assert.All(container["ports"].Items, p => Assert.InRange(p["containerPort"].Int, 1, 65535));
                Assert.All(container["volumeMounts"].Items, m => Assert.Contains(m["name"].String, volumes));
            }
        }
    }

    [Fact]
    public void Services_select_pods_and_target_ports_they_declare()
    {
        foreach (var service in KubernetesManifests.OfKind("Service"))
        {
            var name = service["metadata"]["name"].String;
            var selector = service["spec"]["selector"].StringMap;
            var workload = Assert.Single(KubernetesManifests.OfKind("Deployment").Concat(KubernetesManifests.OfKind("StatefulSet")),
                w => selector.All(l => w["spec"]["template"]["metadata"]["labels"].StringMap.GetValueOrDefault(l.Key) == l.Value));
            var container = Assert.Single(workload["spec"]["template"]["spec"]["containers"].Items);
            foreach (var port in service["spec"]["ports"].Items)
            {
                var target = port["targetPort"].String!;
                Assert.True(container["ports"].Items.Any(p => p["name"].String == target), $"{name} targets `{target}`, which its pods do not declare");
            }
        }

        foreach (var statefulSet in KubernetesManifests.OfKind("StatefulSet"))
        {
            var governing = KubernetesManifests.Get("Service", statefulSet["spec"]["serviceName"].String!);
            Assert.Equal("None", governing["spec"]["clusterIP"].String);
        }
    }

    [Fact]
    public void Silo_probes_ask_the_routes_the_host_maps_on_its_listening_port()
    {
        var container = KubernetesManifests.SiloContainer;
        var listen = new Uri(KubernetesManifests.Env(container)["Platform__Listen"]["value"].String!);
        Assert.Equal(listen.Port, KubernetesManifests.ContainerPort(container, "http"));
        Assert.Equal(HostRoutes.Live, container["livenessProbe"]["httpGet"]["path"].String);
        Assert.Equal(HostRoutes.Ready, container["readinessProbe"]["httpGet"]["path"].String);
        Assert.Equal("http", container["livenessProbe"]["httpGet"]["port"].String);
        Assert.Equal("http", container["readinessProbe"]["httpGet"]["port"].String);
    }

    [Fact]
    public void The_silo_port_is_the_configured_one()
    {
        var env = KubernetesManifests.Env(KubernetesManifests.SiloContainer);
        var configured = env.TryGetValue("Platform__Cluster__SiloPort", out var entry)
            ? int.Parse(entry["value"].String!, CultureInfo.InvariantCulture)
            : new PlatformClusterOptions().SiloPort;
        Assert.Equal(configured, KubernetesManifests.ContainerPort(KubernetesManifests.SiloContainer, "silo"));
    }

    [Fact]
    public void Silos_roll_one_at_a_time_with_requests_a_memory_limit_and_a_disruption_budget()
    {
        var deployment = KubernetesManifests.SiloDeployment;
        var replicas = deployment["spec"]["replicas"].Int;
        Assert.True(replicas >= 3, "fewer than three silos");
        Assert.Equal(0, deployment["spec"]["strategy"]["rollingUpdate"]["maxUnavailable"].Int);
        var resources = KubernetesManifests.SiloContainer["resources"];
        Assert.True(resources["requests"]["cpu"].Exists && resources["requests"]["memory"].Exists, "the silo has no resource requests");
        Assert.True(resources["limits"]["memory"].Exists, "the silo has no memory limit");

        var budget = Assert.Single(KubernetesManifests.OfKind("PodDisruptionBudget"));
        Assert.Equal(deployment["spec"]["selector"]["matchLabels"].StringMap, budget["spec"]["selector"]["matchLabels"].StringMap);
        Assert.InRange(budget["spec"]["minAvailable"].Int, 1, replicas - 1);
    }

    [Fact]
    public void Every_platform_setting_is_a_real_option()
    {
        var keys = KubernetesManifests.Containers.SelectMany(c => KubernetesManifests.Env(c).Keys);
        Assert.DoesNotContain(keys, k => k.StartsWith("Platform__", StringComparison.Ordinal) && !KnownOptionPaths.IsKnown(k));
    }

    [Fact]
    public void Silos_reach_redis_and_meilisearch_through_their_services_and_ports()
    {
        var env = KubernetesManifests.Env(KubernetesManifests.SiloContainer);
        var redis = new Uri("tcp://" + env["Platform__Cluster__Redis"]["value"].String);
        var meilisearch = new Uri(env["Platform__Search__Meilisearch__Url"]["value"].String!);
        Assert.Equal("meilisearch", env["Platform__Search__Engine"]["value"].String);
        foreach (var target in new[] { redis, meilisearch })
        {
            var service = KubernetesManifests.Get("Service", target.Host);
            Assert.Contains(target.Port, service["spec"]["ports"].Items.Select(p => p["port"].Int));
        }
    }
}
