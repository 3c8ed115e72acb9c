namespace Platform.Silo.Tests.Deploy;

/// <summary>Every document of deploy/kubernetes/*.yaml (the kustomization aside), found by kind and name.</summary>
public static class KubernetesManifests
{
    public static IReadOnlyList<(string File, Yaml Document)> All { get; } =
        [.. DeployFiles.KubernetesManifests
            .Where(f => Path.GetFileName(f) != "kustomization.yaml")
            .SelectMany(f => DeployFiles.Documents(f).Where(d => d.Exists).Select(d => (Path.GetFileName(f), d)))];

    public static IEnumerable<Yaml> OfKind(string kind) => All.Select(m => m.Document).Where(d => d["kind"].String == kind);

    public static Yaml Get(string kind, string name) =>
        Assert.Single(OfKind(kind), d => d["metadata"]["name"].String == name);

    /// <summary>The silo Deployment's one container.</summary>
    public static Yaml SiloContainer => Assert.Single(SiloDeployment["spec"]["template"]["spec"]["containers"].Items);

    public static Yaml SiloDeployment => Assert.Single(OfKind("Deployment"));

    /// <summary>Every container of every workload.</summary>
    public static IEnumerable<Yaml> Containers =>
        OfKind("Deployment").Concat(OfKind("StatefulSet")).SelectMany(w => w["spec"]["template"]["spec"]["containers"].Items);

    /// <summary>A container's environment as name → entry (with <c>value</c> or <c>valueFrom</c>).</summary>
    public static IReadOnlyDictionary<string, Yaml> Env(Yaml container) =>
        container["env"].Items.ToDictionary(e => e["name"].String!, e => e, StringComparer.Ordinal);

    public static int ContainerPort(Yaml container, string name) =>
        Assert.Single(container["ports"].Items, p => p["name"].String == name)["containerPort"].Int;
}
